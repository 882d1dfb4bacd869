import type { Role } from "@handoff/auth";
import { and, type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { AlreadyMemberError, InvitationNotFoundError, InvitationNotPendingError, MemberInputError } from "./errors";
import { invitationState } from "./invitation-state";
import { hashInvitationToken } from "./invitation-token";
import { lockWorkspaceMembers } from "./lock-workspace-members";
import { resolveJoiningUser } from "./resolve-joining-user";

export const MIN_PASSWORD_LENGTH = 8;
/** Argon2 accepts any length; the cap keeps one request from costing minutes of hashing. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_NAME_LENGTH = 200;

export interface AcceptInvitationOptions {
  db: Database;
  token: string;
  name: string;
  password: string;
  now?: Date;
}

export interface AcceptedInvitation {
  userId: string;
  email: string;
  workspaceId: string;
  role: Role;
}

/**
 * Turns a pending invitation into a membership with the invited role, creating the account if
 * the email has none. One transaction holding the invitation's row lock: accepting the same link
 * twice, even at the same instant, creates one account and one membership.
 */
export async function acceptInvitation({
  db,
  token,
  name,
  password,
  now = new Date(),
}: AcceptInvitationOptions): Promise<AcceptedInvitation> {
  const trimmedName = name.trim();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new MemberInputError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new MemberInputError(`The password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (trimmedName.length > MAX_NAME_LENGTH) {
    throw new MemberInputError(`The name must have at most ${MAX_NAME_LENGTH} characters`);
  }
  const tokenHash = hashInvitationToken(token);
  // Read without a lock first only to learn the workspace: locks are taken workspace first.
  const [found] = await db
    .select({ id: schema.invitations.id, workspaceId: schema.invitations.workspaceId })
    .from(schema.invitations)
    .where(eq(schema.invitations.tokenHash, tokenHash));
  if (!found) throw new InvitationNotFoundError();

  return db.transaction(async (tx) => {
    await lockWorkspaceMembers({ db: tx, workspaceId: found.workspaceId });
    const [invitation] = await tx
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.id, found.id))
      .for("update");
    if (!invitation) throw new InvitationNotFoundError();
    const state = invitationState(invitation, now);
    if (state !== "pending") throw new InvitationNotPendingError(state);

    const { userId, existingAccount } = await resolveJoiningUser({
      db: tx,
      email: invitation.email,
      name: trimmedName,
      password,
    });
    const [alreadyMember] = await tx
      .select({ userId: schema.memberships.userId })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.workspaceId, invitation.workspaceId), eq(schema.memberships.userId, userId)));
    if (alreadyMember) throw new AlreadyMemberError(invitation.email);
    await tx.insert(schema.memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role });
    await tx
      .update(schema.invitations)
      .set({ acceptedAt: now, acceptedUserId: userId })
      .where(eq(schema.invitations.id, invitation.id));
    await recordAudit({
      db: tx,
      workspaceId: invitation.workspaceId,
      actorUserId: userId,
      action: "user.joined",
      targetType: "user",
      targetId: userId,
      after: { email: invitation.email, role: invitation.role, invitationId: invitation.id, existingAccount },
    });
    return { userId, email: invitation.email, workspaceId: invitation.workspaceId, role: invitation.role };
  });
}
