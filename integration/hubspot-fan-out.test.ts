import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import {
  createHubspotSandbox,
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
  HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
} from "@handoff/sandbox/hubspot";
import {
  createConnection,
  createFlow,
  createWorkspace,
  publishFlow,
  setFlowStatus,
  syncTriggerSubscription,
} from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowDocument } from "./support/flows";
import { startIngestServer } from "./support/ingest-server";
import { TEST_SECRET_KEY } from "./support/processes";

/** HubSpot calls one URL per app: every flow subscribed through the app gets its own runs. */
describe("HubSpot deliveries fan out to every flow of the app", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let ingest: Awaited<ReturnType<typeof startIngestServer>>;
  const secretBox = createSecretBox(TEST_SECRET_KEY);
  const flows: Record<string, string> = {};

  const runCount = async (flowId: string | undefined) =>
    (await database.pool.query<{ n: number }>("select count(*)::int as n from flow_runs where flow_id = $1", [flowId]))
      .rows[0]?.n;
  const admin = (action: string, body: object) =>
    fetch(`${sandbox.url}/_sandbox/hubspot/${action}`, { method: "POST", body: JSON.stringify(body) });
  const hubspotState = async () =>
    (await (await fetch(`${sandbox.url}/_sandbox/state?provider=hubspot`)).json()) as {
      webhookSettings?: { targetUrl: string };
      subscriptions: { eventType: string; active: boolean }[];
    };

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createHubspotSandbox()] });
    ingest = await startIngestServer(database.db, 1024 * 1024, TEST_SECRET_KEY);
    const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon" });
    const connection = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "hubspot",
      name: "HubSpot sandbox",
      environment: "test",
      credentials: {
        token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
        clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
        developerApiKey: HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
        appId: String(HUBSPOT_SANDBOX_APP_ID),
      },
      baseUrl: `${sandbox.url}/hubspot`,
    });
    const triggerFlow = async (name: string, operation: string, props: Record<string, string> = {}) => {
      const graph = flowDocument(
        [
          {
            id: "crm",
            type: "trigger",
            connector: "hubspot",
            operation,
            connectionId: connection.id,
            label: name,
            position: { x: 0, y: 0 },
            props,
          },
        ],
        [],
      );
      const { id } = await createFlow({ db: database.db, workspaceId, name, actorUserId: null, graph });
      await publishFlow({ db: database.db, flowId: id, message: "v1", actorUserId: null });
      expect(await syncTriggerSubscription({ db: database.db, secretBox, flowId: id, publicUrl: ingest.url })).toBe(
        "subscribed",
      );
      return id;
    };
    flows.welcome = await triggerFlow("Welcome new contacts", "contact-created");
    flows.invoice = await triggerFlow("Invoicing customer for new contacts", "contact-created");
    flows.won = await triggerFlow("Deal won", "deal-stage-changed", { stage: "closedwon" });
  }, 60_000);

  afterAll(async () => {
    await ingest?.close();
    await sandbox?.close();
    await database?.destroy();
  });

  it("points the app at one shared URL and starts a run in each flow whose trigger matches", async () => {
    expect((await hubspotState()).webhookSettings?.targetUrl).toBe(
      `${ingest.url}/api/hooks/apps/hubspot-${HUBSPOT_SANDBOX_APP_ID}`,
    );
    expect((await admin("create-contact", { email: "ann@example.com", firstname: "Ann" })).status).toBe(201);
    await sandbox.context.outbox.idle();
    expect(await runCount(flows.welcome)).toBe(1);
    expect(await runCount(flows.invoice)).toBe(1);
    expect(await runCount(flows.won)).toBe(0);

    const deal = await fetch(`${sandbox.url}/hubspot/crm/v3/objects/deals`, {
      method: "POST",
      headers: { authorization: `Bearer ${HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        properties: { dealname: "Colour", pipeline: "default", dealstage: "appointmentscheduled" },
      }),
    });
    const { id: dealId } = (await deal.json()) as { id: string };
    await sandbox.context.outbox.idle();
    expect(await runCount(flows.won)).toBe(0);
    await admin("update-deal-stage", { dealId, stage: "closedwon" });
    await sandbox.context.outbox.idle();
    expect(await runCount(flows.won)).toBe(1);
    const { rows } = await database.pool.query<{ lifecycle: string }>(
      "select e.payload->>'lifecycle' as lifecycle from flow_runs r join trigger_events e on e.id = r.trigger_event_id where r.flow_id = $1",
      [flows.won],
    );
    expect(rows).toEqual([{ lifecycle: "deal_won" }]);
  });

  it("keeps the shared HubSpot subscription while another flow still uses it", async () => {
    await setFlowStatus({ db: database.db, flowId: flows.welcome ?? "", status: "paused", actorUserId: null });
    expect(
      await syncTriggerSubscription({ db: database.db, secretBox, flowId: flows.welcome ?? "", publicUrl: ingest.url }),
    ).toBe("unsubscribed");
    expect((await hubspotState()).subscriptions.filter((s) => s.eventType === "contact.creation")).toHaveLength(1);
    await admin("create-contact", { email: "bob@example.com", firstname: "Bob" });
    await sandbox.context.outbox.idle();
    expect(await runCount(flows.invoice)).toBe(2);
    expect(await runCount(flows.welcome)).toBe(1);
  });
});
