import { type Database, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";

const CANCELABLE = ["queued", "waiting", "needs_attention"] as const;

export class RunNotCancelableError extends Error {
  override name = "RunNotCancelableError";
}

/**
 * Stops a run that has not finished: a queued one, one waiting out a delay or a retry, or one
 * needing attention that nobody will fix. Its pending job finds it canceled and does nothing; the
 * steps it already ran stay recorded.
 */
export async function cancelRun(options: {
  db: Database;
  workspaceId: string;
  runId: string;
  reason: string;
  actorUserId: string | null;
}) {
  const { db, workspaceId, runId, actorUserId } = options;
  const reason = options.reason.trim();
  if (!reason) throw new RunNotCancelableError("Give a reason for canceling the run");
  return db.transaction(async (tx) => {
    const found = await tx.execute<{ status: string }>(
      sql`select status from flow_runs where id = ${runId} and workspace_id = ${workspaceId} for update`,
    );
    const run = found.rows[0];
    if (!run) throw new NotFoundError(`Run ${runId} not found`);
    if (!(CANCELABLE as readonly string[]).includes(run.status)) {
      throw new RunNotCancelableError(
        `Only a queued, waiting or needs-attention run can be canceled (this one is ${run.status})`,
      );
    }
    await tx.execute(sql`update flow_runs set status = 'canceled', finished_at = now() where id = ${runId}`);
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "run.canceled",
      targetType: "run",
      targetId: runId,
      before: { status: run.status },
      after: { status: "canceled" },
      reason,
    });
    return { runId, previousStatus: run.status };
  });
}
