import { type Database, sql } from "@handoff/db";

export interface FailingFlow {
  flowId: string;
  flowName: string;
  /** Live runs created in the window that failed or need a person. */
  failures: number;
}

export interface TopFailingFlowsOptions {
  db: Database;
  workspaceId: string;
  since: Date;
  until: Date;
  limit?: number;
}

/** The flows with the most failed live runs in the window, most first. */
export async function topFailingFlows(options: TopFailingFlowsOptions): Promise<FailingFlow[]> {
  const result = await options.db.execute<{ flow_id: string; flow_name: string; failures: number }>(
    topFailingFlowsQuery(options),
  );
  return result.rows.map((row) => ({ flowId: row.flow_id, flowName: row.flow_name, failures: row.failures }));
}

/** Failures are few: read through (workspace_id, status, created_at), two short ranges. */
export function topFailingFlowsQuery({ workspaceId, since, until, limit = 5 }: Omit<TopFailingFlowsOptions, "db">) {
  return sql`
    with failures as (
      select r.flow_id, count(*)::int as failures
        from flow_runs r
       where r.workspace_id = ${workspaceId}
         and r.status in ('failed', 'needs_attention')
         and r.created_at >= ${since.toISOString()}::timestamptz
         and r.created_at <= ${until.toISOString()}::timestamptz
         and not r.is_test
       group by r.flow_id
    )
    select x.flow_id, f.name as flow_name, x.failures
      from failures x
      join flows f on f.id = x.flow_id and f.deleted_at is null
     order by x.failures desc, f.name
     limit ${limit}`;
}
