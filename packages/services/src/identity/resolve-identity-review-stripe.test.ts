import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { createStripeSandbox, STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { createRunServices } from "../runs/run-services";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { resolveIdentityReview } from "./resolve-identity-review";

const secretBox = createSecretBox(Buffer.alloc(32, 7).toString("base64"));
const SHARED_EMAIL = "office@roe.test";

/**
 * "None of these — create new" for Stripe, against the Stripe emulator and the real engine: two
 * customers share an e-mail (a family's shared address), the step refuses to guess, a person says
 * neither is this customer, and the retried run creates exactly one — which later runs find by link.
 */
describe("resolving a Stripe identity conflict with a new customer", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;
  let flowId: string;
  let versionId: string;
  let operatorId: string;
  const services = () => createRunServices({ db: database.db, secretBox });

  const stripeCustomer = async (name: string) => {
    const response = await fetch(`${sandbox.url}/stripe/v1/customers`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${STRIPE_SANDBOX_SECRET_KEY}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email: SHARED_EMAIL, name }).toString(),
    });
    expect(response.ok).toBe(true);
  };
  const customerCount = async () =>
    ((await (await fetch(`${sandbox.url}/_sandbox/state?provider=stripe`)).json()) as { customers: unknown[] })
      .customers.length;
  const startRun = async (name: string) => {
    const { rows } = await database.pool.query<{ id: string }>(
      `with e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  values ($1, $2, gen_random_uuid()::text, 'accepted', $4) returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, trigger_summary)
       select $1, $2, $3, e.id, 'Booking: ' || $5 from e returning id`,
      [workspaceId, flowId, versionId, JSON.stringify({ email: SHARED_EMAIL, name }), name],
    );
    return rows[0]?.id ?? "";
  };
  const run = (runId: string) => executeRun({ db: database.db, runId, services: services() });
  const customerStep = async (runId: string) =>
    (await database.pool.query("select output from step_runs where run_id = $1 and node_id = 'customer'", [runId]))
      .rows[0]?.output as { customerId: string; matchedBy: string; created: boolean };

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({
      port: 0,
      providers: [createStripeSandbox({ overdueSweepIntervalMs: 0, rateLimitPerSecond: 10_000 })],
    });
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    operatorId = (
      await createUser({
        db: database.db,
        workspaceId,
        email: "sam@roe.test",
        password: "password-1",
        role: "operator",
      })
    ).id;
    const connection = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "stripe",
      name: "Stripe sandbox",
      environment: "test",
      credentials: { token: STRIPE_SANDBOX_SECRET_KEY },
      baseUrl: `${sandbox.url}/stripe`,
    });
    const graph: FlowDocument = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      nodes: [
        {
          id: "t",
          type: "trigger",
          connector: "core",
          operation: "webhook",
          props: {},
          label: "Booking",
          position: { x: 0, y: 0 },
        },
        {
          id: "customer",
          type: "action",
          connector: "stripe",
          operation: "find-or-create-customer",
          connectionId: connection.id,
          props: { email: "{{ trigger.email }}", name: "{{ trigger.name }}" },
          label: "Find or create customer",
          position: { x: 0, y: 100 },
        },
      ],
      edges: [{ id: "t-customer", source: "t", sourceHandle: null, target: "customer" }],
    };
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Invoicing", graph, actorUserId: null })).id;
    versionId = (await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null })).id;
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });

  it("retries the blocked run, which creates one new customer; the next run finds it by link", async () => {
    await stripeCustomer("Ann Roe");
    await stripeCustomer("Jane Roe");
    const blocked = await startRun("Joan Roe");
    expect(await run(blocked)).toMatchObject({ kind: "needs_attention", nodeId: "customer" });
    const { rows } = await database.pool.query<{ id: string }>("select id from identity_reviews where run_id = $1", [
      blocked,
    ]);
    const reviewId = rows[0]?.id ?? "";

    const resolution = await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId,
      decision: { kind: "create_new" },
      actorUserId: operatorId,
    });
    expect(resolution).toMatchObject({ retriedRunIds: [blocked], notRetried: [] });
    const audit = await database.pool.query(
      "select after from audit_log where action = 'identity_review.resolved' and target_id = $1",
      [reviewId],
    );
    expect(audit.rows[0]?.after).toMatchObject({ decision: "create_new", provider: "stripe", runsToRetry: [blocked] });

    expect(await run(blocked)).toEqual({ kind: "succeeded" });
    const created = await customerStep(blocked);
    expect(created).toMatchObject({ matchedBy: "created", created: true });
    expect(await customerCount()).toBe(3);

    const later = await startRun("Joan Roe");
    expect(await run(later)).toEqual({ kind: "succeeded" });
    expect(await customerStep(later)).toMatchObject({
      customerId: created.customerId,
      matchedBy: "link",
      created: false,
    });
    expect(await customerCount()).toBe(3);
    const links = await database.pool.query("select provider, external_id from customer_links");
    expect(links.rows).toEqual([{ provider: "stripe", external_id: created.customerId }]);
  });
});
