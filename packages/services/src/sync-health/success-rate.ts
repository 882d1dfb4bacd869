import { type Database, sql } from "@handoff/db";

export interface SuccessRate {
  succeeded: number;
  /** Runs that ended by themselves: succeeded, failed or needing a person (not canceled, not in progress). */
  finished: number;
  /** succeeded / finished; null when nothing finished. */
  rate: number | null;
}

export interface SuccessRateOptions {
  db: Database;
  workspaceId: string;
  since: Date;
  until: Date;
}

/** Of the live runs created in the window that ended, the share that succeeded. */
export async function successRate(options: SuccessRateOptions): Promise<SuccessRate> {
  const result = await options.db.execute<{ succeeded: number; finished: number }>(successRateQuery(options));
  const succeeded = result.rows[0]?.succeeded ?? 0;
  const finished = result.rows[0]?.finished ?? 0;
  return { succeeded, finished, rate: finished === 0 ? null : succeeded / finished };
}

/** One index range: (workspace_id, created_at), or (workspace_id, status, created_at) per outcome. */
export function successRateQuery({ workspaceId, since, until }: Omit<SuccessRateOptions, "db">) {
  return sql`
    select count(*) filter (where r.status = 'succeeded')::int as succeeded,
           count(*)::int as finished
      from flow_runs r
     where r.workspace_id = ${workspaceId}
       and r.status in ('succeeded', 'failed', 'needs_attention')
       and r.created_at >= ${since.toISOString()}::timestamptz
       and r.created_at <= ${until.toISOString()}::timestamptz
       and not r.is_test`;
}
