import { and, type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { assertAnotherOwnerRemains } from "./assert-another-owner";
import { CannotRemoveSelfError } from "./errors";
import { findMembership } from "./find-membership";
import { lockWorkspaceMembers } from "./lock-workspace-members";

export interface RemoveMemberOptions {
  db: Database;
  workspaceId: string;
  userId: string;
  actorUserId: string;
}

/**
 * Takes a person out of the workspace. Their account stays (it may belong to other workspaces),
 * but its session version moves on in the same transaction, so a session open in their browser
 * is refused on its very next call rather than when it expires.
 */
export async function removeMember({ db, workspaceId, userId, actorUserId }: RemoveMemberOptions) {
  if (userId === actorUserId) throw new CannotRemoveSelfError();
  return db.transaction(async (tx) => {
    await lockWorkspaceMembers({ db: tx, workspaceId });
    const membership = await findMembership({ db: tx, workspaceId, userId });
    if (membership.role === "owner") {
      await assertAnotherOwnerRemains({ db: tx, workspaceId, userId, action: "remove" });
    }
    await tx
      .delete(schema.memberships)
      .where(and(eq(schema.memberships.workspaceId, workspaceId), eq(schema.memberships.userId, userId)));
    await tx
      .update(schema.users)
      .set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` })
      .where(eq(schema.users.id, userId));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "user.removed",
      targetType: "user",
      targetId: userId,
      before: { email: membership.email, role: membership.role },
    });
    return { userId };
  });
}
