import { type SQL, sql } from "@handoff/db";

/** One job per run: the key de-duplicates, a re-queue replaces the pending job of the same run. */
export function runJobKey(runId: string): string {
  return `run:${runId}`;
}

/** graphile-worker's own retries only cover crashes; the engine schedules its retries itself. */
export const RUN_JOB_MAX_ATTEMPTS = 25;

/** `graphile_worker.add_job` for a run id expression, to enqueue inside the transaction that made the run. */
export function addRunJob(runId: SQL): SQL {
  return sql`graphile_worker.add_job('execute_run', json_build_object('runId', ${runId}),
                                     job_key => 'run:' || (${runId})::text, max_attempts => ${RUN_JOB_MAX_ATTEMPTS})`;
}
