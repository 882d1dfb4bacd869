export { findReviewFlow, type ReviewFlow } from "./find-review-flow";
export { type GetSyncReviewOptions, getSyncReview, type SyncReview } from "./get-sync-review";
export { type GetWeeklyReviewOptions, getWeeklyReview } from "./get-weekly-review";
export { type RenderedSyncReview, renderSyncReview } from "./render-sync-review";
export { lastDaysPeriod, type ReviewPeriod, type ReviewWeek, weekPeriod } from "./review-period";
export { createSyncReviewContext, type SyncReviewContextOptions, toSyncReviewReport } from "./sync-review-context";
export type { CanceledStillOpen, DuplicateFound, FailedSync, SyncReviewReport } from "./sync-review-types";
