import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import type { FlowDocument } from "@handoff/flow-core";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { createStripeSandbox, STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { resolveConnection } from "../connections/resolve-connection";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { fireDerivedEvents } from "./fire-derived-events";

const secretBox = createSecretBox(Buffer.alloc(32, 5).toString("base64"));

describe("derived events: overdue invoices where Stripe sends no invoice.overdue", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;
  let flowId: string;

  const stripe = async (path: string, form: Record<string, string>) => {
    const response = await fetch(`${sandbox.url}/stripe${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${STRIPE_SANDBOX_SECRET_KEY}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as { id: string };
  };
  const runs = async () =>
    (
      await database.pool.query<{ idempotency_key: string; lifecycle: string }>(
        `select e.idempotency_key, e.payload->>'lifecycle' as lifecycle
           from flow_runs r join trigger_events e on e.id = r.trigger_event_id where r.flow_id = $1`,
        [flowId],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    // No sweep of its own: this Stripe account sends no invoice.overdue, as without the automation.
    sandbox = await startSandboxServer({ port: 0, providers: [createStripeSandbox({ overdueSweepIntervalMs: 0 })] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
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
      schemaVersion: 2,
      nodes: [
        {
          id: "overdue",
          type: "trigger" as const,
          connector: "stripe",
          operation: "invoice-overdue",
          connectionId: connection.id,
          label: "Invoice overdue",
          position: { x: 0, y: 0 },
          props: {},
        },
      ],
      edges: [],
    };
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Reminders", actorUserId: null, graph })).id;
    await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null });
  }, 60_000);

  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });

  const sweep = (now: Date) =>
    fireDerivedEvents({
      db: database.db,
      now,
      connection: (workspace, connectionId) =>
        resolveConnection({ db: database.db, secretBox, workspaceId: workspace, connectionId }),
    });

  it("starts one run per open invoice past its due date, and never a second", async () => {
    const customer = await stripe("/v1/customers", { email: "jane@example.com", name: "Jane Roe" });
    const invoice = await stripe("/v1/invoices", {
      customer: customer.id,
      collection_method: "send_invoice",
      days_until_due: "3",
    });
    await stripe(`/v1/invoices/${invoice.id}/add_lines`, {
      "lines[0][amount]": "5400",
      "lines[0][description]": "Colour",
    });
    await stripe(`/v1/invoices/${invoice.id}/finalize`, {});

    expect(await sweep(new Date())).toEqual({ fired: 0 });
    sandbox.context.clock.advance(4 * 86_400_000);
    const later = sandbox.context.clock.now();
    expect(await sweep(later)).toEqual({ fired: 1 });
    expect(await sweep(new Date(later.getTime() + 300_000))).toEqual({ fired: 0 });
    expect(await runs()).toEqual([{ idempotency_key: `event:overdue:${invoice.id}`, lifecycle: "overdue" }]);
  });
});
