import { randomBytes } from "node:crypto";
import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { createRunServices } from "../runs/run-services";
import { createWorkspace } from "../workspaces/create-workspace";
import { connectionProviders } from "./connection-providers";
import { createConnection } from "./create-connection";
import { deleteConnection } from "./delete-connection";
import { listConnections } from "./list-connections";
import { renameConnection } from "./rename-connection";
import { replaceConnectionCredentials } from "./replace-connection-credentials";

const secretBox = createSecretBox(Buffer.alloc(32, 10).toString("base64"));

/**
 * The product rule, checked on the database as a whole: after connections of every provider are
 * created, replaced, renamed, used by a run and deleted, no credential value — nor its base64 —
 * is anywhere in any table (audit trail, step records, queue included). Only hints are.
 */
describe("no plaintext credentials anywhere in the database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  const secrets: string[] = [];
  const hints: string[] = [];
  const distinctive = (label: string) => {
    const value = `PLAINTEXT-${label}-${randomBytes(9).toString("hex")}`;
    secrets.push(value);
    return value;
  };
  /** Every field of a way of connecting filled in; usernames and client ids count as secret too. */
  const credentialsFor = (provider: string, fields: readonly { key: string }[]) =>
    Object.fromEntries(
      fields.map(({ key }) => [
        key,
        key === "expiresAt" ? new Date(Date.now() + 3_600_000).toISOString() : distinctive(`${provider}-${key}`),
      ]),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
  });
  afterAll(() => database.destroy());

  it("holds sealed values and hints only", async () => {
    const ids: Record<string, string> = {};
    for (const provider of connectionProviders()) {
      for (const method of provider.methods) {
        const { id } = await createConnection({
          db: database.db,
          secretBox,
          workspaceId,
          actorUserId: null,
          provider: provider.key,
          name: `${provider.name} ${method.kind}`,
          environment: "live",
          credentials: credentialsFor(provider.key, method.fields),
        });
        ids[`${provider.key}/${method.kind}`] = id;
      }
    }
    const stripe = ids["stripe/bearer"] ?? "";
    const replaced = await replaceConnectionCredentials({
      db: database.db,
      secretBox,
      workspaceId,
      connectionId: stripe,
      credentials: { token: distinctive("stripe-replaced") },
      actorUserId: null,
    });
    hints.push(replaced.credentialsHint);
    const refused = await replaceConnectionCredentials({
      db: database.db,
      secretBox,
      workspaceId,
      connectionId: ids["email/basic"] ?? "",
      credentials: { username: " ", password: distinctive("email-refused") },
      actorUserId: null,
    }).catch((caught: unknown) => caught);
    expect(String(refused)).not.toContain("PLAINTEXT");
    await renameConnection({
      db: database.db,
      workspaceId,
      connectionId: stripe,
      name: "Stripe (main)",
      actorUserId: null,
    });
    await deleteConnection({
      db: database.db,
      workspaceId,
      connectionId: ids["calcom/bearer"] ?? "",
      actorUserId: null,
    });
    await refusedTestRun(ids["hubspot/bearer"] ?? "");

    const listed = JSON.stringify(await listConnections({ db: database.db, workspaceId }));
    expect(listed).toContain(replaced.credentialsHint);
    const dump = await dumpDatabase();
    expect(dump).toContain(replaced.credentialsHint);
    expect(dump).toContain("connection.rotated");
    for (const secret of secrets) {
      for (const text of [dump, listed]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(Buffer.from(secret).toString("base64"));
        expect(text).not.toContain(Buffer.from(secret).toString("base64url"));
      }
    }
    expect(dump).not.toContain("PLAINTEXT");
  });

  /** A test run that asks for a live connection: its failed step record must not carry the secret. */
  async function refusedTestRun(connectionId: string) {
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Contacts",
      actorUserId: null,
      graph: {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        nodes: [
          {
            id: "t",
            type: "trigger",
            connector: "core",
            operation: "webhook",
            props: {},
            label: "Hook",
            position: { x: 0, y: 0 },
          },
          {
            id: "find",
            type: "action",
            connector: "hubspot",
            operation: "find-or-create-contact",
            connectionId,
            props: { email: "{{ trigger.email }}" },
            label: "Find contact",
            position: { x: 0, y: 100 },
          },
        ],
        edges: [{ id: "t-find", source: "t", sourceHandle: null, target: "find" }],
      },
    });
    const version = await publishFlow({ db: database.db, flowId: flow.id, message: "v1", actorUserId: null });
    const { rows } = await database.pool.query<{ id: string }>(
      `with e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  values ($1, $2, 'k1', 'accepted', '{"email":"jane@example.test"}') returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, is_test)
       select $1, $2, $3, e.id, true from e returning id`,
      [workspaceId, flow.id, version.id],
    );
    const outcome = await executeRun({
      db: database.db,
      runId: rows[0]?.id ?? "",
      services: createRunServices({ db: database.db, secretBox }),
    });
    expect(outcome).toMatchObject({ kind: "needs_attention", message: expect.stringContaining("is live") });
  }

  /** Every row of every table outside the system schemas, as text (there is no pg_dump to hand). */
  async function dumpDatabase(): Promise<string> {
    const tables = await database.pool.query<{ schema: string; name: string }>(`
      select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`);
    expect(tables.rows.map((table) => table.name)).toEqual(expect.arrayContaining(["connections", "audit_log"]));
    const parts: string[] = [];
    for (const table of tables.rows) {
      const rows = await database.pool.query<{ row: string }>(
        `select t::text as row from "${table.schema}"."${table.name}" t`,
      );
      parts.push(`-- ${table.schema}.${table.name}`, ...rows.rows.map((row) => row.row));
    }
    return parts.join("\n");
  }
});
