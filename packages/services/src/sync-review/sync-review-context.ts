import type { Database } from "@handoff/db";
import type { SyncReviewContext } from "@handoff/engine";
import { getSyncReview, type SyncReview } from "./get-sync-review";
import { renderSyncReview } from "./render-sync-review";
import { lastDaysPeriod } from "./review-period";
import type { SyncReviewReport } from "./sync-review-types";

/** The review with its e-mail parts: the core `sync-review` action's output. */
export function toSyncReviewReport(review: SyncReview): SyncReviewReport {
  return {
    periodStart: review.periodStart,
    periodEnd: review.periodEnd,
    failedSyncs: review.failedSyncs,
    duplicates: review.duplicates,
    canceledStillOpen: review.canceledStillOpen,
    counts: review.counts,
    ...renderSyncReview(review),
    mappingOwnerEmail: review.mappingOwner?.email ?? null,
  };
}

export interface SyncReviewContextOptions {
  db: Database;
  workspaceId: string;
  publicUrl?: string | undefined;
  now?: () => Date;
}

/** What the engine hands the review action of one run: the review of that run's workspace. */
export function createSyncReviewContext({
  db,
  workspaceId,
  publicUrl,
  now = () => new Date(),
}: SyncReviewContextOptions): SyncReviewContext {
  return {
    async review({ days }) {
      const review = await getSyncReview({ db, workspaceId, period: lastDaysPeriod(days, now()), publicUrl });
      return toSyncReviewReport(review);
    },
  };
}
