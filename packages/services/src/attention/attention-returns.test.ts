import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { replayRun } from "../runs/replay-run";
import { retryRun } from "../runs/retry-run";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { assignAttention, dismissAttention } from "./act-on-attention";
import { listAttention } from "./list-attention";

/**
 * Leaving the queue is not forgetting: a run retried (from the queue, the run page or in bulk)
 * that fails again is back — even one dismissed before, since the dismissal was about the earlier
 * failure. Runs go through the real engine against an API that refuses them.
 */
describe("a retried run that fails again comes back to the queue", () => {
  let database: TestDatabase;
  let api: Server;
  let answer = 400;
  let workspaceId: string;
  let flowId: string;
  let versionId: string;
  let userId: string;

  const queue = async () => (await listAttention({ db: database.db, workspaceId })).map((item) => item.id);
  const execute = (runId: string) => executeRun({ db: database.db, runId });
  const failedRun = async () => {
    const { rows } = await database.pool.query<{ id: string }>(
      `insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_summary)
       values ($1, $2, $3, 'Booking: Jane Roe') returning id`,
      [workspaceId, flowId, versionId],
    );
    const runId = rows[0]?.id ?? "";
    expect(await execute(runId)).toMatchObject({ kind: "needs_attention", nodeId: "call" });
    return runId;
  };

  beforeAll(async () => {
    api = createServer((_req, res) => {
      res.writeHead(answer, { "content-type": "application/json" });
      res.end(JSON.stringify(answer === 200 ? { ok: true } : { message: "invoice number already used" }));
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    userId = (
      await createUser({
        db: database.db,
        workspaceId,
        email: "sam@roe.test",
        password: "password-1",
        role: "operator",
      })
    ).id;
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
          id: "call",
          type: "action",
          connector: "core",
          operation: "http-request",
          props: { method: "POST", url: `http://127.0.0.1:${(api.address() as AddressInfo).port}/invoices` },
          label: "Create invoice",
          position: { x: 0, y: 100 },
        },
      ],
      edges: [{ id: "t-call", source: "t", sourceHandle: null, target: "call" }],
    };
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", graph, actorUserId: null })).id;
    versionId = (await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null })).id;
  });
  afterAll(async () => {
    await new Promise((resolve) => api?.close(resolve));
    await database?.destroy();
  });

  it("leaves while retried, and is back — still assigned — when the retry fails too", async () => {
    const runId = await failedRun();
    expect(await queue()).toContain(runId);
    await assignAttention({
      db: database.db,
      workspaceId,
      kind: "run",
      id: runId,
      assigneeUserId: userId,
      actorUserId: userId,
    });

    await retryRun({ db: database.db, runId, actorUserId: userId, workspaceId });
    expect(await queue()).not.toContain(runId);
    expect(await execute(runId)).toMatchObject({ kind: "needs_attention" });

    const back = (await listAttention({ db: database.db, workspaceId })).find((item) => item.id === runId);
    expect(back).toMatchObject({ kind: "run", runId, assignedTo: { userId, email: "sam@roe.test" } });
  });

  it("comes back after a dismissal when someone retries it anyway and it fails again", async () => {
    const runId = await failedRun();
    await dismissAttention({
      db: database.db,
      workspaceId,
      kind: "run",
      id: runId,
      reason: "Invoice made by hand",
      actorUserId: userId,
    });
    expect(await queue()).not.toContain(runId);

    await retryRun({ db: database.db, runId, actorUserId: userId, workspaceId });
    await execute(runId);
    expect(await queue()).toContain(runId);
  });

  it("leaves when replayed, and is back if the original is later retried and fails again", async () => {
    const runId = await failedRun();
    const replay = await replayRun({ db: database.db, runId, actorUserId: userId });
    expect(await queue()).not.toContain(runId);
    expect(await queue()).not.toContain(replay.runId);

    await retryRun({ db: database.db, runId, actorUserId: userId, workspaceId });
    await execute(runId);
    expect(await queue()).toContain(runId);
  });

  it("stays out once a retry succeeds", async () => {
    const runId = await failedRun();
    answer = 200;
    try {
      await retryRun({ db: database.db, runId, actorUserId: userId, workspaceId });
      expect(await execute(runId)).toEqual({ kind: "succeeded" });
    } finally {
      answer = 400;
    }
    expect(await queue()).not.toContain(runId);
  });
});
