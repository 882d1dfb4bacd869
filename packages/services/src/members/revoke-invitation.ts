import { and, type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { InvitationNotFoundError, InvitationNotPendingError } from "./errors";
import { invitationState } from "./invitation-state";
import { lockWorkspaceMembers } from "./lock-workspace-members";

export interface RevokeInvitationOptions {
  db: Database;
  workspaceId: string;
  invitationId: string;
  actorUserId: string | null;
  now?: Date;
}

/** Withdraws an invitation so its link stops working. An expired one can be revoked to tidy the list. */
export async function revokeInvitation({
  db,
  workspaceId,
  invitationId,
  actorUserId,
  now = new Date(),
}: RevokeInvitationOptions) {
  return db.transaction(async (tx) => {
    await lockWorkspaceMembers({ db: tx, workspaceId });
    const [invitation] = await tx
      .select()
      .from(schema.invitations)
      .where(and(eq(schema.invitations.id, invitationId), eq(schema.invitations.workspaceId, workspaceId)))
      .for("update");
    if (!invitation) throw new InvitationNotFoundError();
    const state = invitationState(invitation, now);
    if (state === "accepted" || state === "revoked") throw new InvitationNotPendingError(state, "owner");
    await tx.update(schema.invitations).set({ revokedAt: now }).where(eq(schema.invitations.id, invitationId));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitationId,
      before: { email: invitation.email, role: invitation.role, state },
      after: { email: invitation.email, role: invitation.role, state: "revoked" },
    });
    return { invitationId, revokedAt: now };
  });
}
