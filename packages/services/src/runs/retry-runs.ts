import { type Database, sql } from "@handoff/db";
import { retryRun } from "./retry-run";

export interface RetryRunsOptions {
  db: Database;
  workspaceId: string;
  /** Either explicit runs, or every run matching the filter (needs attention by default). */
  runIds?: string[];
  filter?: { flowId?: string; status?: "needs_attention" | "failed" | "waiting" };
  actorUserId: string | null;
  limit?: number;
}

/**
 * Bulk retry: each run is retried in its own transaction, so one that cannot be retried (already
 * running, finished meanwhile) is reported and the others still go.
 */
export async function retryRuns({
  db,
  workspaceId,
  runIds,
  filter = {},
  actorUserId,
  limit = 1_000,
}: RetryRunsOptions) {
  const ids = runIds ?? (await selectRunIds(db, workspaceId, filter, limit));
  const retried: string[] = [];
  const refused: { runId: string; reason: string }[] = [];
  for (const runId of ids) {
    try {
      await retryRun({ db, runId, actorUserId, workspaceId });
      retried.push(runId);
    } catch (error) {
      refused.push({ runId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { retried, refused };
}

async function selectRunIds(
  db: Database,
  workspaceId: string,
  filter: NonNullable<RetryRunsOptions["filter"]>,
  limit: number,
) {
  const result = await db.execute<{ id: string }>(sql`
    select id from flow_runs
     where workspace_id = ${workspaceId}
       and status = ${filter.status ?? "needs_attention"}
       and (${filter.flowId ?? null}::uuid is null or flow_id = ${filter.flowId ?? null}::uuid)
     order by created_at
     limit ${limit}`);
  return result.rows.map((row) => row.id);
}
