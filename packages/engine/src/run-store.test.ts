import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimRun, type StepRecord, saveSteps, setRunStatus } from "./run-store";

describe("run store: concurrent runs share statements", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function queueRuns(count: number, status = "queued"): Promise<string[]> {
    const { rows } = await database.pool.query<{ run_id: string }>(
      `with w as (insert into workspaces (name) values ('Store') returning id),
            f as (insert into flows (workspace_id, name, hook_id, draft_graph)
                  select id, 'f', gen_random_uuid()::text, '{}'::jsonb from w returning id, workspace_id),
            v as (insert into flow_versions (flow_id, number, graph) select id, 1, '{"nodes":[]}'::jsonb from f returning id),
            e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  select f.workspace_id, f.id, 'k' || n, 'accepted', json_build_object('n', n)::jsonb
                    from f, generate_series(1, $1::int) n returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status)
       select f.workspace_id, f.id, v.id, e.id, $2::run_status from f, v, e returning id as run_id`,
      [count, status],
    );
    return rows.map((row) => row.run_id);
  }

  const step = (runId: string, stepKey: string, output: unknown): StepRecord => ({
    runId,
    stepKey,
    nodeId: stepKey,
    status: "succeeded",
    input: null,
    output,
    outputTruncated: false,
    error: null,
    attempt: 1,
    startedAt: new Date(),
    finishedAt: new Date(),
  });

  it("claims runs started together, each with its own payload, and leaves a finished run alone", async () => {
    const queued = await queueRuns(3);
    const [done] = await queueRuns(1, "succeeded");
    const claimed = await Promise.all([...queued, done as string].map((runId) => claimRun(database.db, runId)));
    expect(claimed.slice(0, 3).map((run) => run?.runId)).toEqual(queued);
    expect(new Set(claimed.slice(0, 3).map((run) => JSON.stringify(run?.triggerPayload))).size).toBe(3);
    expect(claimed[3]).toBeNull();
    const { rows } = await database.pool.query<{ status: string; attempt: number }>(
      "select status, attempt from flow_runs where id = any($1::uuid[])",
      [queued],
    );
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ status: "running", attempt: 1 })));
  });

  it("writes the steps and statuses of several runs together, each committed when its call returns", async () => {
    const runs = await queueRuns(3);
    await Promise.all(runs.map((runId) => claimRun(database.db, runId)));
    await Promise.all([
      setRunStatus(database.db, runs[0] as string, "succeeded", null, [step(runs[0] as string, "a", { ok: 1 })]),
      setRunStatus(database.db, runs[1] as string, "needs_attention", { message: "no" }),
      saveSteps(database.db, [step(runs[2] as string, "a", 1), step(runs[2] as string, "b", 2)]),
    ]);
    const { rows } = await database.pool.query<{ id: string; status: string; error: unknown; steps: number }>(
      `select r.id, r.status, r.error, (select count(*)::int from step_runs s where s.run_id = r.id) as steps
         from flow_runs r where r.id = any($1::uuid[])`,
      [runs],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(runs[0] as string)).toMatchObject({ status: "succeeded", error: null, steps: 1 });
    expect(byId.get(runs[1] as string)).toMatchObject({ status: "needs_attention", error: { message: "no" } });
    expect(byId.get(runs[2] as string)).toMatchObject({ status: "running", steps: 2 });
  });

  it("writes a failed batch again one by one: one bad row fails only its own run", async () => {
    const runs = await queueRuns(3);
    // PostgreSQL's jsonb refuses a NUL character, which fails the whole shared statement.
    const outcomes = await Promise.allSettled(
      runs.map((runId, i) => saveSteps(database.db, [step(runId, "a", i === 1 ? "nul \u0000" : i)])),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const { rows } = await database.pool.query<{ n: number }>(
      "select count(*)::int as n from step_runs where run_id = any($1::uuid[])",
      [runs],
    );
    expect(rows[0]?.n).toBe(2);
  });
});
