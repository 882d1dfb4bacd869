import { setTimeout as sleep } from "node:timers/promises";
import { asc, type Database, schema } from "@handoff/db";
import { deleteEventBatch, deleteRunBatch } from "./prune-batches";
import { FAILURE_STATUSES, retentionCutoffs, SUCCESS_STATUSES } from "./retention-cutoffs";

export const PRUNE_BATCH_SIZE = 500;

export interface PruneRunHistoryOptions {
  db: Database;
  now?: Date;
  batchSize?: number;
  /** Breathing room between batches, so pruning never crowds out the runs being written. */
  pauseMs?: number;
  /** Stop starting batches after this long; the next hourly pass carries on. */
  timeBudgetMs?: number;
  /** Stops between batches (the worker shutting down). */
  signal?: AbortSignal;
  log?: (message: string) => void;
}

export interface PruneSummary {
  runsDeleted: number;
  eventsDeleted: number;
  /** Batches that deleted something. */
  batches: number;
  /** The time budget ran out (or the signal fired) before every workspace was done. */
  stoppedEarly: boolean;
}

/**
 * Applies each workspace's retention: succeeded and canceled runs older than its success days,
 * failed and needs-attention runs older than its failure days, then deliveries no run refers to
 * older than the failure days. Deletes in batches of `batchSize` rows, each its own short
 * transaction, pausing between batches, until done or out of time.
 */
export async function pruneRunHistory({
  db,
  now = new Date(),
  batchSize = PRUNE_BATCH_SIZE,
  pauseMs = 200,
  timeBudgetMs = 10 * 60_000,
  signal,
  log = () => {},
}: PruneRunHistoryOptions): Promise<PruneSummary> {
  const deadline = Date.now() + timeBudgetMs;
  const summary: PruneSummary = { runsDeleted: 0, eventsDeleted: 0, batches: 0, stoppedEarly: false };
  const outOfTime = () => Date.now() >= deadline || signal?.aborted === true;

  /**
   * Runs one kind of batch until one finds nothing; false when time ran out first. Not "until a
   * short batch": a run kept back for its replay becomes deletable once the replay is gone.
   */
  async function drain(deleteBatch: () => Promise<number>, counter: "runsDeleted" | "eventsDeleted") {
    for (;;) {
      if (outOfTime()) return false;
      const deleted = await deleteBatch();
      if (deleted === 0) return true;
      summary[counter] += deleted;
      summary.batches += 1;
      if (pauseMs > 0) await sleep(pauseMs);
    }
  }

  const workspaces = await db
    .select({
      id: schema.workspaces.id,
      successRetentionDays: schema.workspaces.successRetentionDays,
      failureRetentionDays: schema.workspaces.failureRetentionDays,
    })
    .from(schema.workspaces)
    .orderBy(asc(schema.workspaces.id));
  for (const workspace of workspaces) {
    const cutoffs = retentionCutoffs(workspace, now);
    const workspaceId = workspace.id;
    const done =
      (await drain(
        () =>
          deleteRunBatch({ db, workspaceId, statuses: SUCCESS_STATUSES, createdBefore: cutoffs.success, batchSize }),
        "runsDeleted",
      )) &&
      (await drain(
        () =>
          deleteRunBatch({ db, workspaceId, statuses: FAILURE_STATUSES, createdBefore: cutoffs.failure, batchSize }),
        "runsDeleted",
      )) &&
      (await drain(
        () => deleteEventBatch({ db, workspaceId, receivedBefore: cutoffs.failure, batchSize }),
        "eventsDeleted",
      ));
    if (!done) {
      summary.stoppedEarly = true;
      log(`retention: out of time after ${summary.batches} batch(es); the next pass continues`);
      break;
    }
  }
  return summary;
}
