import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { readWorkspaceSettings, type WorkspaceSettings } from "./get-workspace-settings";
import { WorkspaceSettingsInputError } from "./workspace-settings-errors";

const { RETENTION_DAYS_MIN, RETENTION_DAYS_MAX } = schema;

/** Only the fields given change; `mappingOwnerUserId: null` clears the mapping owner. */
export interface WorkspaceSettingsChanges {
  mappingOwnerUserId?: string | null;
  successRetentionDays?: number;
  failureRetentionDays?: number;
}

export interface UpdateWorkspaceSettingsOptions {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  changes: WorkspaceSettingsChanges;
}

type RetentionField = "successRetentionDays" | "failureRetentionDays";

const RETENTION_LABELS: Record<RetentionField, string> = {
  successRetentionDays: "Successful runs",
  failureRetentionDays: "Failed runs",
};

function assertRetentionDays(field: RetentionField, value: number | undefined) {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < RETENTION_DAYS_MIN || value > RETENTION_DAYS_MAX) {
    throw new WorkspaceSettingsInputError(
      field,
      `${RETENTION_LABELS[field]} are kept between ${RETENTION_DAYS_MIN} and ${RETENTION_DAYS_MAX} whole days`,
    );
  }
}

/** Audit rows name the mapping owner by e-mail too, so the trail reads without a user lookup. */
function auditView(settings: WorkspaceSettings) {
  return {
    mappingOwnerUserId: settings.mappingOwner?.userId ?? null,
    mappingOwnerEmail: settings.mappingOwner?.email ?? null,
    successRetentionDays: settings.successRetentionDays,
    failureRetentionDays: settings.failureRetentionDays,
  };
}

/**
 * Changes who receives the weekly sync review and how long run history is kept, in one
 * transaction with its `workspace.settings_changed` audit row (before and after). The mapping
 * owner must be an active member of the workspace; nothing changed writes nothing.
 */
export async function updateWorkspaceSettings({
  db,
  workspaceId,
  actorUserId,
  changes,
}: UpdateWorkspaceSettingsOptions) {
  assertRetentionDays("successRetentionDays", changes.successRetentionDays);
  assertRetentionDays("failureRetentionDays", changes.failureRetentionDays);
  return db.transaction(async (tx) => {
    // Two owners saving at once: the second reads the first one's result as its "before".
    await tx.execute(sql`select 1 from workspaces where id = ${workspaceId} for update`);
    const before = await readWorkspaceSettings({ db: tx, workspaceId });
    if (changes.mappingOwnerUserId) await assertActiveMember(tx, workspaceId, changes.mappingOwnerUserId);
    const patch = {
      ...(changes.mappingOwnerUserId === undefined ? {} : { mappingOwnerUserId: changes.mappingOwnerUserId }),
      ...(changes.successRetentionDays === undefined ? {} : { successRetentionDays: changes.successRetentionDays }),
      ...(changes.failureRetentionDays === undefined ? {} : { failureRetentionDays: changes.failureRetentionDays }),
    };
    if (Object.keys(patch).length > 0) {
      await tx.update(schema.workspaces).set(patch).where(eq(schema.workspaces.id, workspaceId));
    }
    const after = await readWorkspaceSettings({ db: tx, workspaceId });
    const [beforeView, afterView] = [auditView(before), auditView(after)];
    const changed = JSON.stringify(beforeView) !== JSON.stringify(afterView);
    if (changed) {
      await recordAudit({
        db: tx,
        workspaceId,
        actorUserId,
        action: "workspace.settings_changed",
        targetType: "workspace",
        targetId: workspaceId,
        before: beforeView,
        after: afterView,
      });
    }
    return { ...after, changed };
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function assertActiveMember(tx: Tx, workspaceId: string, userId: string) {
  const found = await tx.execute(sql`
    select 1 from memberships m join users u on u.id = m.user_id
     where m.workspace_id = ${workspaceId} and m.user_id = ${userId} and u.disabled_at is null`);
  if (found.rows.length === 0) {
    throw new WorkspaceSettingsInputError(
      "mappingOwnerUserId",
      "Choose a mapping owner among this workspace's members",
    );
  }
}
