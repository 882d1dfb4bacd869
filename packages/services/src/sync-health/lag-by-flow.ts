import { type Database, sql } from "@handoff/db";
import { lagTargetMs } from "./lag-target";

export interface FlowLag {
  flowId: string;
  flowName: string;
  /** Succeeded live runs the percentiles are taken over. */
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** From the published version's trigger; null when the trigger promises no speed. */
  targetMs: number | null;
  overTarget: boolean;
}

export interface LagByFlowOptions {
  db: Database;
  workspaceId: string;
  since: Date;
  until: Date;
}

/**
 * Sync lag p50/p95 of each flow: from the moment the event happened at the source (or, when the
 * source gave no time, the moment Handoff received it) to the end of the run — the same number
 * the run list shows per run. Only succeeded live runs: a run that gave up synced nothing.
 * Worst first.
 */
export async function lagByFlow(options: LagByFlowOptions): Promise<FlowLag[]> {
  const result = await options.db.execute<{
    flow_id: string;
    flow_name: string;
    runs: number;
    p50_ms: number;
    p95_ms: number;
    graph: unknown;
  }>(lagByFlowQuery(options));
  return result.rows.map((row) => {
    const targetMs = lagTargetMs(row.graph);
    const p95Ms = Math.round(row.p95_ms);
    return {
      flowId: row.flow_id,
      flowName: row.flow_name,
      runs: row.runs,
      p50Ms: Math.round(row.p50_ms),
      p95Ms,
      targetMs,
      overTarget: targetMs !== null && p95Ms > targetMs,
    };
  });
}

/**
 * Percentiles per flow over an index range of (workspace_id, created_at); only the few aggregated
 * rows are joined to their flow and published graph. A source clock ahead of ours counts as no lag.
 */
export function lagByFlowQuery({ workspaceId, since, until }: Omit<LagByFlowOptions, "db">) {
  return sql`
    with lags as (
      select r.flow_id,
             greatest(0, extract(epoch from r.finished_at - coalesce(r.source_event_at, r.created_at)) * 1000) as lag_ms
        from flow_runs r
       where r.workspace_id = ${workspaceId}
         and r.status = 'succeeded'
         and r.created_at >= ${since.toISOString()}::timestamptz
         and r.created_at <= ${until.toISOString()}::timestamptz
         and r.finished_at is not null
         and not r.is_test
    ), per_flow as (
      select flow_id, count(*)::int as runs,
             percentile_cont(0.5) within group (order by lag_ms) as p50_ms,
             percentile_cont(0.95) within group (order by lag_ms) as p95_ms
        from lags
       group by flow_id
    )
    select p.flow_id, f.name as flow_name, p.runs, p.p50_ms, p.p95_ms, v.graph
      from per_flow p
      join flows f on f.id = p.flow_id and f.deleted_at is null
      left join flow_versions v on v.id = f.current_version_id
     order by p.p95_ms desc, f.name`;
}
