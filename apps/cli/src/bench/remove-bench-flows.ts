import { runJobKey } from "@handoff/services";
import type pg from "pg";

/** The names `installBenchFlow` gives: `Benchmark <ISO time>` and `Benchmark ingest <epoch ms>`. */
const BENCH_FLOW_NAME = String.raw`^Benchmark (ingest \d+|\d{4}-\d\d-\d\dT[\d:.]+Z)$`;

/**
 * Deletes the flows earlier benchmark runs installed in the workspace, with their runs, steps,
 * events and queue jobs, then reindexes and vacuums those tables. Without it every run leaves ~100,000 runs
 * behind and each later run measures a bigger database than the one before (the 1M-run history
 * seed lives in its own workspace and stays).
 */
export async function removeBenchFlows(pool: pg.Pool, workspaceId: string): Promise<number> {
  const { rows } = await pool.query<{ id: string }>("select id from flows where workspace_id = $1 and name ~ $2", [
    workspaceId,
    BENCH_FLOW_NAME,
  ]);
  const flowIds = rows.map((row) => row.id);
  // Jobs are not tied to runs by a foreign key. Left behind, they would be worked through (as
  // no-ops) by the next run's workers before its own events: the ingest scenario alone leaves
  // ~100,000, which once held up a whole latency scenario for ten seconds. Jobs whose run is
  // already gone (an interrupted cleanup) go too.
  await pool.query(
    `select graphile_worker.remove_job(j.key)
       from graphile_worker.jobs j
      where j.task_identifier = 'execute_run'
        and not exists (select 1 from flow_runs r
                         where r.id = substr(j.key, length($2) + 1)::uuid and r.flow_id <> all($1::uuid[]))`,
    [flowIds, runJobKey("")],
  );
  if (flowIds.length === 0) return 0;
  const { rowCount } = await pool.query("delete from flow_runs where flow_id = any($1::uuid[])", [flowIds]);
  await pool.query("delete from flows where id = any($1::uuid[])", [flowIds]);
  // Nearly every trigger event was a benchmark's (the history seed has none): the emptied table's
  // indexes keep their size, and a primary key of thousands of pages for a few hundred rows makes
  // the planner check each new run's event with a scan of the whole table (throughput halved).
  await pool.query("reindex table trigger_events");
  await pool.query("vacuum (analyze) flow_runs, step_runs, trigger_events, graphile_worker._private_jobs");
  return rowCount ?? 0;
}
