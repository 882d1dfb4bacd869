import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { pruneRunHistory } from "./prune-run-history";

const NOW = new Date("2026-11-21T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe("run history retention over a real database", () => {
  let database: TestDatabase;
  const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await database.pool.query<T>(text, values)).rows;

  async function workspaceWithFlow(name: string) {
    const workspaceId = (await createWorkspace({ db: database.db, name })).id;
    const flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    return { workspaceId, flowId };
  }

  async function event(workspaceId: string, flowId: string, status: string, receivedAt: string) {
    const [row] = await query<{ id: string }>(
      `insert into trigger_events (workspace_id, flow_id, idempotency_key, status, received_at)
       values ($1, $2, gen_random_uuid()::text, $3, $4) returning id`,
      [workspaceId, flowId, status, receivedAt],
    );
    return row?.id ?? "";
  }

  async function run(
    where: { workspaceId: string; flowId: string },
    status: string,
    createdAt: string,
    options: { eventId?: string; replayOf?: string } = {},
  ) {
    const [row] = await query<{ id: string }>(
      `insert into flow_runs (workspace_id, flow_id, status, created_at, trigger_event_id, replay_of_run_id)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [where.workspaceId, where.flowId, status, createdAt, options.eventId ?? null, options.replayOf ?? null],
    );
    const id = row?.id ?? "";
    await query(`insert into step_runs (run_id, step_key, node_id, status) values ($1, 'a', 'a', 'succeeded')`, [id]);
    return id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("prunes 1,234 old runs in three batches of at most 500, steps included", async () => {
    const salon = await workspaceWithFlow("Busy salon");
    await query(
      `insert into flow_runs (workspace_id, flow_id, status, created_at)
       select $1, $2, 'succeeded', $3::timestamptz - (i || ' minutes')::interval from generate_series(1, 1234) i`,
      [salon.workspaceId, salon.flowId, daysAgo(40)],
    );
    await query(
      `insert into step_runs (run_id, step_key, node_id, status) select id, 'a', 'a', 'succeeded' from flow_runs`,
    );
    const summary = await pruneRunHistory({ db: database.db, now: NOW, pauseMs: 0 });
    expect(summary).toEqual({ runsDeleted: 1234, eventsDeleted: 0, batches: 3, stoppedEarly: false });
    expect(await query("select 1 from flow_runs")).toEqual([]);
    expect(await query("select 1 from step_runs")).toEqual([]);
  });

  it("keeps each kind of run exactly as long as its workspace says, and never an unfinished one", async () => {
    const roe = await workspaceWithFlow("Roe Dental");
    const quick = await workspaceWithFlow("Quick Cuts");
    await query("update workspaces set success_retention_days = 7, failure_retention_days = 14 where id = $1", [
      quick.workspaceId,
    ]);

    const oldSuccessEvent = await event(roe.workspaceId, roe.flowId, "accepted", daysAgo(31));
    const oldFailureEvent = await event(roe.workspaceId, roe.flowId, "accepted", daysAgo(181));
    const ancientRunningEvent = await event(roe.workspaceId, roe.flowId, "accepted", daysAgo(400));
    const rejectedOld = await event(roe.workspaceId, roe.flowId, "rejected", daysAgo(200));
    const ignoredRecent = await event(roe.workspaceId, roe.flowId, "ignored_paused", daysAgo(100));

    const gone: Record<string, string> = {
      succeeded: await run(roe, "succeeded", daysAgo(31), { eventId: oldSuccessEvent }),
      canceled: await run(roe, "canceled", daysAgo(31)),
      failed: await run(roe, "failed", daysAgo(181), { eventId: oldFailureEvent }),
      needsAttention: await run(roe, "needs_attention", daysAgo(181)),
      quickSucceeded: await run(quick, "succeeded", daysAgo(8)),
      quickFailed: await run(quick, "failed", daysAgo(15)),
    };
    // An old run and its old replay: the replay goes first, then the run it replayed.
    gone.chainOriginal = await run(roe, "succeeded", daysAgo(60));
    gone.chainReplay = await run(roe, "succeeded", daysAgo(50), { replayOf: gone.chainOriginal });

    const kept: Record<string, string> = {
      recentSuccess: await run(roe, "succeeded", daysAgo(29)),
      failedWithinItsDays: await run(roe, "failed", daysAgo(31)),
      running: await run(roe, "running", daysAgo(400), { eventId: ancientRunningEvent }),
      waiting: await run(roe, "waiting", daysAgo(400)),
      queued: await run(roe, "queued", daysAgo(400)),
      // Its replay is recent, so the run it replayed stays while the replay does.
      replayedOriginal: await run(roe, "succeeded", daysAgo(60)),
      quickRecent: await run(quick, "succeeded", daysAgo(6)),
    };
    kept.recentReplay = await run(roe, "succeeded", daysAgo(10), { replayOf: kept.replayedOriginal });

    await query(
      `insert into attention_notes (workspace_id, kind, ref_id, dismiss_reason)
       values ($1, 'run', $2, 'handled'), ($1, 'run', $3, 'handled'), ($1, 'rejected_delivery', $4, 'test delivery')`,
      [roe.workspaceId, gone.needsAttention, kept.failedWithinItsDays, rejectedOld],
    );
    const [review] = await query<{ id: string }>(
      `insert into identity_reviews (workspace_id, provider, keys, candidates, run_id)
       values ($1, 'hubspot', '{}', '[]', $2) returning id`,
      [roe.workspaceId, gone.failed],
    );
    await query(
      `insert into audit_log (workspace_id, action, target_type, target_id) values ($1, 'run.retried', 'run', $2)`,
      [roe.workspaceId, gone.failed],
    );
    const auditBefore = await query("select id from audit_log order by id");

    const summary = await pruneRunHistory({ db: database.db, now: NOW, pauseMs: 0 });

    const runs = (await query<{ id: string }>("select id from flow_runs")).map((row) => row.id);
    expect(runs.sort()).toEqual(Object.values(kept).sort());
    expect(summary.runsDeleted).toBe(Object.keys(gone).length);
    expect(await query("select 1 from step_runs where run_id <> all($1::uuid[])", [runs])).toEqual([]);

    // Deliveries: runless ones past the failure retention go (the old failure's, the old rejection);
    // the old success's event is within 180 days, the ignored one too, the running run's is in use.
    const events = (await query<{ id: string }>("select id from trigger_events")).map((row) => row.id);
    expect(events.sort()).toEqual([oldSuccessEvent, ancientRunningEvent, ignoredRecent].sort());
    expect(summary.eventsDeleted).toBe(2);

    expect(await query("select ref_id from attention_notes")).toEqual([{ ref_id: kept.failedWithinItsDays }]);
    expect(await query("select run_id from identity_reviews where id = $1", [review?.id])).toEqual([{ run_id: null }]);
    expect(await query("select id from audit_log order by id")).toEqual(auditBefore);
  });

  it("stops before the next batch when out of time, leaving the rest to the next pass", async () => {
    const late = await workspaceWithFlow("Late salon");
    await run(late, "succeeded", daysAgo(90));
    const stopped = await pruneRunHistory({ db: database.db, now: NOW, timeBudgetMs: 0 });
    expect(stopped).toEqual({ runsDeleted: 0, eventsDeleted: 0, batches: 0, stoppedEarly: true });
    const aborted = new AbortController();
    aborted.abort();
    expect((await pruneRunHistory({ db: database.db, now: NOW, signal: aborted.signal })).stoppedEarly).toBe(true);
    expect(await pruneRunHistory({ db: database.db, now: NOW, pauseMs: 0 })).toMatchObject({ runsDeleted: 1 });
  });
});
