import { and, asc, type Database, eq, isNull, schema } from "@handoff/db";

type Executor = Pick<Database, "select">;

export interface WorkspaceSettings {
  /** Who gets the weekly sync review; null when nobody is chosen (or they left the workspace). */
  mappingOwner: { userId: string; email: string; name: string } | null;
  successRetentionDays: number;
  failureRetentionDays: number;
}

export interface MappingOwnerCandidate {
  userId: string;
  email: string;
  name: string;
}

/**
 * The workspace's review and retention settings. A mapping owner who is no longer a member (or
 * whose account is disabled) reads as none: the review must not go to someone who left.
 */
export async function readWorkspaceSettings({
  db,
  workspaceId,
}: {
  db: Executor;
  workspaceId: string;
}): Promise<WorkspaceSettings> {
  const [row] = await db
    .select({
      successRetentionDays: schema.workspaces.successRetentionDays,
      failureRetentionDays: schema.workspaces.failureRetentionDays,
      ownerUserId: schema.users.id,
      ownerEmail: schema.users.email,
      ownerName: schema.users.name,
    })
    .from(schema.workspaces)
    .leftJoin(
      schema.memberships,
      and(
        eq(schema.memberships.workspaceId, schema.workspaces.id),
        eq(schema.memberships.userId, schema.workspaces.mappingOwnerUserId),
      ),
    )
    .leftJoin(schema.users, and(eq(schema.users.id, schema.memberships.userId), isNull(schema.users.disabledAt)))
    .where(eq(schema.workspaces.id, workspaceId));
  if (!row) throw new Error(`Workspace ${workspaceId} not found`);
  return {
    mappingOwner:
      row.ownerUserId && row.ownerEmail !== null
        ? { userId: row.ownerUserId, email: row.ownerEmail, name: row.ownerName ?? "" }
        : null,
    successRetentionDays: row.successRetentionDays,
    failureRetentionDays: row.failureRetentionDays,
  };
}

/** Members who can be chosen as mapping owner: anyone in the workspace with an active account. */
export async function listMappingOwnerCandidates({
  db,
  workspaceId,
}: {
  db: Executor;
  workspaceId: string;
}): Promise<MappingOwnerCandidate[]> {
  return db
    .select({ userId: schema.users.id, email: schema.users.email, name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.workspaceId, workspaceId), isNull(schema.users.disabledAt)))
    .orderBy(asc(schema.users.email));
}

/** What the settings page opens with: the settings and who may be chosen as mapping owner. */
export async function getWorkspaceSettings({ db, workspaceId }: { db: Database; workspaceId: string }) {
  const [settings, candidates] = await Promise.all([
    readWorkspaceSettings({ db, workspaceId }),
    listMappingOwnerCandidates({ db, workspaceId }),
  ]);
  return { ...settings, candidates };
}
