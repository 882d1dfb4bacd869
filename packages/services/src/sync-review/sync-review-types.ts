import type { SyncReviewContext } from "@handoff/engine";

/** The review as the core action returns it: one definition, in the connector SDK. */
export type SyncReviewReport = Awaited<ReturnType<SyncReviewContext["review"]>>;
export type FailedSync = SyncReviewReport["failedSyncs"][number];
export type DuplicateFound = SyncReviewReport["duplicates"][number];
export type CanceledStillOpen = SyncReviewReport["canceledStillOpen"][number];

/** A list as the review shows it: the first items and how many there were in all. */
export interface ReviewList<T> {
  items: T[];
  total: number;
}

/** Each list stops at this many items; the counts stay exact. */
export const REVIEW_LIST_LIMIT = 100;

/** The run's page: absolute when the installation's public URL is known (e-mails need it). */
export function runUrl(publicUrl: string | undefined, runId: string): string {
  return `${publicUrl?.replace(/\/+$/, "") ?? ""}/runs/${runId}`;
}
