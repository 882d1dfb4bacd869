import { type Database, eq, schema } from "@handoff/db";
import { readWorkspaceSettings } from "../workspaces/get-workspace-settings";
import { listCanceledStillOpen } from "./canceled-still-open";
import { listDuplicatesFound } from "./duplicates-found";
import { listFailedSyncs } from "./failed-syncs";
import type { ReviewPeriod } from "./review-period";
import type { CanceledStillOpen, DuplicateFound, FailedSync } from "./sync-review-types";

export interface GetSyncReviewOptions {
  db: Database;
  workspaceId: string;
  period: ReviewPeriod;
  /** Where people reach this installation, for absolute links in e-mails; paths without it. */
  publicUrl?: string | undefined;
}

export interface SyncReview {
  workspaceName: string;
  /** Dates in the review are shown in this zone. */
  timeZone: string;
  periodStart: string;
  periodEnd: string;
  mappingOwner: { userId: string; email: string; name: string } | null;
  failedSyncs: FailedSync[];
  duplicates: DuplicateFound[];
  canceledStillOpen: CanceledStillOpen[];
  /** Exact, even when a list stops at its first items. */
  counts: { failedSyncs: number; duplicates: number; canceledStillOpen: number };
}

/**
 * The weekly review of one workspace for a period: failed syncs, duplicates found by the identity
 * service, and canceled appointments whose invoice is still open — each list from its own indexes.
 */
export async function getSyncReview({ db, workspaceId, period, publicUrl }: GetSyncReviewOptions): Promise<SyncReview> {
  const [workspace] = await db
    .select({ name: schema.workspaces.name, timeZone: schema.workspaces.timeZone })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) throw new Error(`Workspace ${workspaceId} not found`);
  const query = { db, workspaceId, period, publicUrl };
  const [settings, failedSyncs, duplicates, canceledStillOpen] = await Promise.all([
    readWorkspaceSettings({ db, workspaceId }),
    listFailedSyncs(query),
    listDuplicatesFound(query),
    listCanceledStillOpen(query),
  ]);
  return {
    workspaceName: workspace.name,
    timeZone: workspace.timeZone,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    mappingOwner: settings.mappingOwner,
    failedSyncs: failedSyncs.items,
    duplicates: duplicates.items,
    canceledStillOpen: canceledStillOpen.items,
    counts: {
      failedSyncs: failedSyncs.total,
      duplicates: duplicates.total,
      canceledStillOpen: canceledStillOpen.total,
    },
  };
}
