import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun, type RunServices } from "@handoff/engine";
import type { FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { findReviewFlow } from "./find-review-flow";
import { createSyncReviewContext } from "./sync-review-context";

const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    {
      id: "weekly",
      type: "trigger",
      connector: "core",
      operation: "schedule",
      label: "Mondays 08:00",
      position: { x: 0, y: 0 },
      props: { cron: "0 8 * * 1", timeZone: "Europe/Paris" },
    },
    {
      id: "review",
      type: "action",
      connector: "core",
      operation: "sync-review",
      label: "Weekly sync review",
      position: { x: 200, y: 0 },
      props: { days: 7 },
    },
  ],
  edges: [{ id: "e", source: "weekly", sourceHandle: null, target: "review" }],
};

const unavailable = () => Promise.reject(new Error("not used by this flow"));

/** The schedule → review flow, run by the engine as the worker runs it. */
describe("the review step in a flow run", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowId: string;
  let versionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental", timeZone: "Europe/Paris" })).id;
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Weekly sync review", actorUserId: null, graph }))
      .id;
    versionId = (await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null })).id;
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, trigger_summary, error, created_at)
       values ($1, $2, 'needs_attention', 'Booking: Jane Roe', '{"message":"Stripe refused"}', now() - interval '1 day')`,
      [workspaceId, flowId],
    );
  });
  afterAll(() => database.destroy());

  async function queueRun(): Promise<string> {
    const result = await database.pool.query<{ id: string }>(
      `insert into flow_runs (workspace_id, flow_id, flow_version_id, status) values ($1, $2, $3, 'queued') returning id`,
      [workspaceId, flowId, versionId],
    );
    return result.rows[0]?.id ?? "";
  }

  async function reviewStep(runId: string) {
    const result = await database.pool.query<{ status: string; output: unknown; error: { message?: string } | null }>(
      "select status, output, error from step_runs where run_id = $1 and node_id = 'review'",
      [runId],
    );
    return result.rows[0];
  }

  it("records the workspace's review as the step's output, ready for the e-mail step", async () => {
    const services: RunServices = {
      connection: unavailable,
      identity: unavailable,
      review: async (runWorkspaceId) =>
        createSyncReviewContext({ db: database.db, workspaceId: runWorkspaceId, publicUrl: "https://h.test" }),
    };
    const runId = await queueRun();
    expect(await executeRun({ db: database.db, runId, services })).toEqual({ kind: "succeeded" });
    const step = await reviewStep(runId);
    expect(step?.status).toBe("succeeded");
    expect(step?.output).toMatchObject({
      counts: { failedSyncs: 1, duplicates: 0, canceledStillOpen: 0 },
      failedSyncs: [{ summary: "Booking: Jane Roe", error: "Stripe refused", flowName: "Weekly sync review" }],
      subject: expect.stringMatching(/^Sync review .*: 1 failed sync$/),
      mappingOwnerEmail: null,
    });
  });

  it("fails the step with a clear, final error when the runner has no review to give", async () => {
    const runId = await queueRun();
    const outcome = await executeRun({
      db: database.db,
      runId,
      services: { connection: unavailable, identity: unavailable },
    });
    expect(outcome.kind).not.toBe("succeeded");
    expect(outcome.kind).not.toBe("retry");
    expect((await reviewStep(runId))?.error?.message).toBe(
      "The sync review is not available to this runner: it runs in the Handoff worker only",
    );
  });

  it("is found as the workspace's review flow, with its schedule, once published", async () => {
    expect(await findReviewFlow({ db: database.db, workspaceId })).toEqual({
      flowId,
      name: "Weekly sync review",
      active: true,
      schedule: { cron: "0 8 * * 1", timeZone: "Europe/Paris" },
    });
    const elsewhere = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    await createFlow({ db: database.db, workspaceId: elsewhere, name: "Draft only", actorUserId: null, graph });
    expect(await findReviewFlow({ db: database.db, workspaceId: elsewhere })).toBeNull();
  });
});
