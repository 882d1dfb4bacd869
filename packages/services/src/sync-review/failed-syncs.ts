import { type Database, sql } from "@handoff/db";
import type { ReviewPeriod } from "./review-period";
import { type FailedSync, REVIEW_LIST_LIMIT, type ReviewList, runUrl } from "./sync-review-types";

export interface ReviewQueryOptions {
  db: Database;
  workspaceId: string;
  period: ReviewPeriod;
  publicUrl?: string | undefined;
  limit?: number;
}

/**
 * Live runs created in the period that ended failed or needing attention, newest first, with the
 * replay that followed when someone replayed one. Read through (workspace, status, created_at).
 */
export async function listFailedSyncs({
  db,
  workspaceId,
  period,
  publicUrl,
  limit = REVIEW_LIST_LIMIT,
}: ReviewQueryOptions): Promise<ReviewList<FailedSync>> {
  const result = await db.execute<{
    id: string;
    flow_id: string;
    flow_name: string;
    status: FailedSync["status"];
    trigger_summary: string;
    error: string | null;
    created_at: string;
    replayed_by: string | null;
    total: number;
  }>(failedSyncsQuery({ workspaceId, period, limit }));
  return {
    total: result.rows[0]?.total ?? 0,
    items: result.rows.map((row) => ({
      runId: row.id,
      flowId: row.flow_id,
      flowName: row.flow_name,
      status: row.status,
      summary: row.trigger_summary,
      error: row.error,
      at: new Date(row.created_at).toISOString(),
      replayedByRunId: row.replayed_by,
      url: runUrl(publicUrl, row.id),
    })),
  };
}

/** The SQL, kept apart so a test can EXPLAIN exactly what is sent. */
export function failedSyncsQuery({
  workspaceId,
  period,
  limit = REVIEW_LIST_LIMIT,
}: Pick<ReviewQueryOptions, "workspaceId" | "period" | "limit">) {
  return sql`
    select r.id, r.flow_id, f.name as flow_name, r.status, r.trigger_summary, r.error->>'message' as error,
           r.created_at, count(*) over ()::int as total,
           (select p.id from flow_runs p where p.replay_of_run_id = r.id
             order by p.created_at desc limit 1) as replayed_by
      from flow_runs r
      join flows f on f.id = r.flow_id
     where r.workspace_id = ${workspaceId}
       and r.status in ('failed', 'needs_attention')
       and not r.is_test
       and r.created_at >= ${period.start.toISOString()}::timestamptz
       and r.created_at < ${period.end.toISOString()}::timestamptz
     order by r.created_at desc, r.id desc
     limit ${limit}`;
}
