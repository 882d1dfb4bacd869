import type { Role } from "@handoff/auth";
import { and, type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { assertAnotherOwnerRemains } from "./assert-another-owner";
import { findMembership } from "./find-membership";
import { lockWorkspaceMembers } from "./lock-workspace-members";

export interface ChangeMemberRoleOptions {
  db: Database;
  workspaceId: string;
  userId: string;
  role: Role;
  actorUserId: string | null;
}

/**
 * Gives a member another role. It takes effect on their next call, because every call reads the
 * role from the database; demoting the last owner is refused.
 */
export async function changeMemberRole({ db, workspaceId, userId, role, actorUserId }: ChangeMemberRoleOptions) {
  return db.transaction(async (tx) => {
    await lockWorkspaceMembers({ db: tx, workspaceId });
    const membership = await findMembership({ db: tx, workspaceId, userId });
    if (membership.role === role) return { userId, role, changed: false };
    if (membership.role === "owner") {
      await assertAnotherOwnerRemains({ db: tx, workspaceId, userId, action: "demote" });
    }
    await tx
      .update(schema.memberships)
      .set({ role })
      .where(and(eq(schema.memberships.workspaceId, workspaceId), eq(schema.memberships.userId, userId)));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      before: { email: membership.email, role: membership.role },
      after: { email: membership.email, role },
    });
    return { userId, role, changed: true };
  });
}
