import { type Database, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import { addRunJob } from "./run-job";

export interface RetryRunOptions {
  db: Database;
  runId: string;
  actorUserId: string | null;
  /** When given, a run of another workspace is "not found", never retried. */
  workspaceId?: string;
}

const RETRIABLE = ["needs_attention", "failed", "waiting"] as const;

/**
 * Runs the same run again: steps that succeeded are memo hits and do not run again; the failed
 * step starts a fresh series of attempts. The re-queue and its job commit together.
 */
export async function retryRun({ db, runId, actorUserId, workspaceId }: RetryRunOptions) {
  return db.transaction(async (tx) => {
    const found = await tx.execute<{ status: string; workspace_id: string }>(
      sql`select status, workspace_id from flow_runs where id = ${runId} for update`,
    );
    const run = found.rows[0];
    if (!run || (workspaceId && run.workspace_id !== workspaceId)) throw new NotFoundError(`Run ${runId} not found`);
    if (!(RETRIABLE as readonly string[]).includes(run.status)) {
      throw new Error(
        `Only a run that needs attention, failed or is waiting can be retried (this one is ${run.status})`,
      );
    }
    await tx.execute(sql`delete from step_runs where run_id = ${runId} and status = 'failed'`);
    await tx.execute(sql`update flow_runs set status = 'queued', error = null, finished_at = null where id = ${runId}`);
    await tx.execute(sql`select ${addRunJob(sql`${runId}::uuid`)}`);
    await recordAudit({
      db: tx,
      workspaceId: run.workspace_id,
      actorUserId,
      action: "run.retried",
      targetType: "run",
      targetId: runId,
      before: { status: run.status },
      after: { status: "queued" },
    });
    return { runId, previousStatus: run.status };
  });
}
