import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import type { FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { setFlowStatus } from "../flows/set-flow-status";
import { replayRun } from "../runs/replay-run";
import { retryRun } from "../runs/retry-run";
import { createWorkspace } from "../workspaces/create-workspace";
import { listAudit } from "./list-audit";

const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    {
      id: "hook",
      type: "trigger",
      connector: "core",
      operation: "webhook",
      label: "Webhook",
      position: { x: 0, y: 0 },
      props: {},
    },
    {
      id: "call",
      type: "action",
      connector: "core",
      operation: "http-request",
      label: "Call",
      position: { x: 200, y: 0 },
      props: { method: "POST", url: "https://a.example/hook" },
    },
  ],
  edges: [{ id: "e", source: "hook", sourceHandle: null, target: "call" }],
};

/** The operator-side changes: each leaves one row saying who, what, why, and before/after. */
describe("audit trail of flow and run operations", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowId: string;
  let runId: string;
  let operator: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const user = await database.pool.query<{ id: string }>(
      "insert into users (email, password_hash) values ('sam@roe.test', 'x') returning id",
    );
    operator = user.rows[0]?.id ?? "";
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null, graph })).id;
    const version = await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null });
    const run = await database.pool.query<{ id: string }>(
      `with event as (
         insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
         values ($1, $2, 'evt-1', 'accepted', '{"customerId": "c-wrong"}') returning id
       )
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status)
       select $1, $2, $3, event.id, 'needs_attention' from event returning id`,
      [workspaceId, flowId, version.id],
    );
    runId = run.rows[0]?.id ?? "";
  });
  afterAll(() => database.destroy());

  const latest = async (action: string) =>
    (await listAudit({ db: database.db, workspaceId, filters: { action }, limit: 1 })).entries[0];

  it("records pausing and resuming as flow.paused / flow.resumed with the status before and after", async () => {
    await setFlowStatus({ db: database.db, flowId, status: "paused", actorUserId: operator });
    await setFlowStatus({ db: database.db, flowId, status: "active", actorUserId: operator });
    expect(await latest("flow.paused")).toMatchObject({
      actorEmail: "sam@roe.test",
      targetId: flowId,
      targetLabel: "Bookings",
      before: { status: "active" },
      after: { status: "paused" },
    });
    expect(await latest("flow.resumed")).toMatchObject({ before: { status: "paused" }, after: { status: "active" } });
  });

  it("records a retry with the run's status before and after", async () => {
    await retryRun({ db: database.db, runId, actorUserId: operator });
    expect(await latest("run.retried")).toMatchObject({
      actorUserId: operator,
      targetType: "run",
      targetId: runId,
      before: { status: "needs_attention" },
      after: { status: "queued" },
    });
  });

  it("records a replay with an edited payload: who, why, and the payload before and after", async () => {
    const replay = await replayRun({
      db: database.db,
      runId,
      payload: { customerId: "c-right" },
      reason: "  wrong customer id  ",
      actorUserId: operator,
    });
    expect(await latest("run.replay_payload_edited")).toMatchObject({
      actorEmail: "sam@roe.test",
      targetId: runId,
      reason: "wrong customer id",
      before: { payload: { customerId: "c-wrong" } },
      after: { newRunId: replay.runId, fromNodeId: null, payload: { customerId: "c-right" } },
    });
  });

  it("records a plain replay as run.replayed, without payloads", async () => {
    const replay = await replayRun({ db: database.db, runId, fromNodeId: "call", actorUserId: operator });
    const entry = await latest("run.replayed");
    expect(entry).toMatchObject({ before: null, after: { newRunId: replay.runId, fromNodeId: "call" }, reason: null });
    expect(entry?.after).not.toHaveProperty("payload");
  });

  it("refuses to replay with an edited payload without saying why, and records nothing", async () => {
    const before = (await listAudit({ db: database.db, workspaceId, filters: { action: "run." } })).entries.length;
    await expect(
      replayRun({ db: database.db, runId, payload: { customerId: "c-x" }, reason: " ", actorUserId: operator }),
    ).rejects.toThrow("Give a reason when replaying with an edited payload");
    expect((await listAudit({ db: database.db, workspaceId, filters: { action: "run." } })).entries).toHaveLength(
      before,
    );
  });
});
