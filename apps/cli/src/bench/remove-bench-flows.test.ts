import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createWorkspace } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installBenchFlow } from "./bench-flow";
import { removeBenchFlows } from "./remove-bench-flows";

describe("removing what benchmark runs left", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  /** A queued run with its queue job, as a webhook delivery leaves it. */
  async function queueRun(flowId: string, key: string): Promise<string> {
    const { rows } = await database.pool.query<{ id: string }>(
      `with event as (
         insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
         select workspace_id, id, $2, 'accepted', '{}'::jsonb from flows where id = $1 returning id, workspace_id, flow_id
       )
       insert into flow_runs (workspace_id, flow_id, trigger_event_id, status)
       select workspace_id, flow_id, id, 'queued' from event returning id`,
      [flowId, key],
    );
    const runId = rows[0]?.id ?? "";
    await database.pool.query(
      "select graphile_worker.add_job('execute_run', json_build_object('runId', $1::text), job_key => 'run:' || $1)",
      [runId],
    );
    return runId;
  }

  it("deletes the benchmark's own flows with their runs and jobs, and nothing a person made", async () => {
    const workspaceId = (await createWorkspace({ db: database.db, name: "Bench Bakery" })).id;
    const otherWorkspaceId = (await createWorkspace({ db: database.db, name: "Neighbour" })).id;
    const sink = "http://127.0.0.1:9/sink";
    const throughput = await installBenchFlow(database.db, workspaceId, sink, "Benchmark 2026-11-21T09:53:18.464Z");
    const ingest = await installBenchFlow(database.db, workspaceId, sink, "Benchmark ingest 1763718798464");
    const named = await installBenchFlow(database.db, workspaceId, sink, "Benchmark review");
    const elsewhere = await installBenchFlow(database.db, otherWorkspaceId, sink, "Benchmark ingest 1763718798465");
    await queueRun(throughput.id, "a");
    const canceled = await queueRun(ingest.id, "b");
    // What the ingest scenario leaves: cancelled runs whose jobs are still queued.
    await database.pool.query("update flow_runs set status = 'canceled' where id = $1", [canceled]);
    await database.pool.query(
      "select graphile_worker.add_job('execute_run', '{}'::json, job_key => 'run:' || gen_random_uuid())",
    );
    const keptRuns = [await queueRun(named.id, "c"), await queueRun(elsewhere.id, "d")];

    expect(await removeBenchFlows(database.pool, workspaceId)).toBe(2);

    const flows = await database.pool.query<{ id: string }>("select id from flows order by name");
    expect(flows.rows.map((row) => row.id).sort()).toEqual([named.id, elsewhere.id].sort());
    const runs = await database.pool.query<{ id: string }>("select id from flow_runs");
    expect(runs.rows.map((row) => row.id).sort()).toEqual([...keptRuns].sort());
    const jobs = await database.pool.query<{ key: string }>("select key from graphile_worker.jobs");
    // The bench's jobs (cancelled run included) and a job whose run no longer exists are gone.
    expect(jobs.rows.map((row) => row.key).sort()).toEqual(keptRuns.map((id) => `run:${id}`).sort());
    expect(await removeBenchFlows(database.pool, workspaceId)).toBe(0);
  });
});
