import { type Database, eq, schema } from "@handoff/db";
import { findReviewFlow, type ReviewFlow } from "./find-review-flow";
import { getSyncReview, type SyncReview } from "./get-sync-review";
import { type ReviewWeek, weekPeriod } from "./review-period";

export interface GetWeeklyReviewOptions {
  db: Database;
  workspaceId: string;
  week: ReviewWeek;
  now?: Date;
}

/**
 * The review page: this week or last week, Monday to Monday in the workspace's time zone, and
 * the flow that e-mails the review, when there is one.
 */
export async function getWeeklyReview({
  db,
  workspaceId,
  week,
  now = new Date(),
}: GetWeeklyReviewOptions): Promise<SyncReview & { reviewFlow: ReviewFlow | null }> {
  const [workspace] = await db
    .select({ timeZone: schema.workspaces.timeZone })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) throw new Error(`Workspace ${workspaceId} not found`);
  const period = weekPeriod(week, workspace.timeZone, now);
  const [review, reviewFlow] = await Promise.all([
    getSyncReview({ db, workspaceId, period }),
    findReviewFlow({ db, workspaceId }),
  ]);
  return { ...review, reviewFlow };
}
