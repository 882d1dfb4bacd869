import { type Database, sql } from "@handoff/db";

/** Fewer failures than this in a week is noise, whatever the rate. */
export const SPIKE_MIN_FAILURES = 3;
/** This week's failure rate must be at least this multiple of the baseline's. */
export const SPIKE_FACTOR = 2;

export interface FlowFailureCounts {
  flowId: string;
  flowName: string;
  weekFailures: number;
  /** Live runs that ended this week (succeeded, failed or needing a person). */
  weekFinished: number;
  baselineFailures: number;
  baselineFinished: number;
}

export interface FailureCountsOptions {
  db: Database;
  workspaceId: string;
  baselineStart: Date;
  weekStart: Date;
  until: Date;
}

/**
 * Failure counts of this week and of the weeks before it, per flow, for the flows with enough
 * failures this week to be a spike at all.
 */
export async function failureCounts(options: FailureCountsOptions): Promise<FlowFailureCounts[]> {
  const result = await options.db.execute<{
    flow_id: string;
    flow_name: string;
    week_failures: number;
    week_finished: number;
    baseline_failures: number;
    baseline_finished: number;
  }>(failureCountsQuery(options));
  return result.rows.map((row) => ({
    flowId: row.flow_id,
    flowName: row.flow_name,
    weekFailures: row.week_failures,
    weekFinished: row.week_finished,
    baselineFailures: row.baseline_failures,
    baselineFinished: row.baseline_finished,
  }));
}

/**
 * A spike: at least 3 failures this week, at a rate at least twice the baseline's. A flow with no
 * failures (or no runs) in the baseline spikes as soon as it has 3.
 */
export function isFailureSpike(counts: FlowFailureCounts): boolean {
  if (counts.weekFailures < SPIKE_MIN_FAILURES || counts.weekFinished === 0) return false;
  const weekRate = counts.weekFailures / counts.weekFinished;
  const baselineRate = counts.baselineFinished === 0 ? 0 : counts.baselineFailures / counts.baselineFinished;
  return weekRate >= SPIKE_FACTOR * baselineRate;
}

/**
 * Candidates first: flows with enough failures this week, from (workspace_id, status, created_at)
 * — failures are few, and a healthy workspace has none, so the 5 weeks of runs are then only read
 * for the flows that may be spiking, through (flow_id, created_at).
 */
export function failureCountsQuery({ workspaceId, baselineStart, weekStart, until }: Omit<FailureCountsOptions, "db">) {
  const week = sql`r.created_at >= ${weekStart.toISOString()}::timestamptz`;
  const failed = sql`r.status in ('failed', 'needs_attention')`;
  return sql`
    with candidates as (
      select r.flow_id
        from flow_runs r
       where r.workspace_id = ${workspaceId}
         and ${failed}
         and ${week}
         and r.created_at <= ${until.toISOString()}::timestamptz
         and not r.is_test
       group by r.flow_id
      having count(*) >= ${SPIKE_MIN_FAILURES}
    ), counts as (
      select c.flow_id, x.*
        from candidates c
       cross join lateral (
         select count(*) filter (where ${week} and ${failed})::int as week_failures,
                count(*) filter (where ${week})::int as week_finished,
                count(*) filter (where not ${week} and ${failed})::int as baseline_failures,
                count(*) filter (where not ${week})::int as baseline_finished
           from flow_runs r
          where r.flow_id = c.flow_id
            and r.status in ('succeeded', 'failed', 'needs_attention')
            and r.created_at >= ${baselineStart.toISOString()}::timestamptz
            and r.created_at <= ${until.toISOString()}::timestamptz
            and not r.is_test
       ) x
    )
    select c.*, f.name as flow_name
      from counts c
      join flows f on f.id = c.flow_id and f.deleted_at is null
     order by c.flow_id`;
}
