import type { Role } from "@handoff/auth";
import { and, type Database, eq, isNull, schema, sql } from "@handoff/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { normalizeEmail } from "../users/normalize-email";
import { AlreadyMemberError, MemberInputError } from "./errors";
import { createInvitationToken, invitationExpiry } from "./invitation-token";
import { lockWorkspaceMembers } from "./lock-workspace-members";

export interface InviteMemberOptions {
  db: Database;
  workspaceId: string;
  email: string;
  role: Role;
  actorUserId: string | null;
  now?: Date;
}

export interface CreatedInvitation {
  invitationId: string;
  /** The link's secret: returned once, to be shown once; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

const ZEmail = z.email();

/**
 * Invites an email to the workspace with a role. Re-inviting an email replaces its open
 * invitation, so only the newest link works.
 */
export async function inviteMember({
  db,
  workspaceId,
  email,
  role,
  actorUserId,
  now = new Date(),
}: InviteMemberOptions): Promise<CreatedInvitation> {
  const normalized = normalizeEmail(email);
  if (!normalized) throw new MemberInputError("Enter the email address of the person to invite");
  if (!ZEmail.safeParse(normalized).success) throw new MemberInputError(`${normalized} is not a valid email address`);
  const { token, tokenHash } = createInvitationToken();
  const expiresAt = invitationExpiry(now);
  const invitationId = await db.transaction(async (tx) => {
    await lockWorkspaceMembers({ db: tx, workspaceId });
    const [existingMember] = await tx
      .select({ userId: schema.memberships.userId })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.memberships.workspaceId, workspaceId), eq(sql`lower(${schema.users.email})`, normalized)));
    if (existingMember) throw new AlreadyMemberError(normalized);

    const replaced = await tx
      .update(schema.invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(schema.invitations.workspaceId, workspaceId),
          eq(schema.invitations.email, normalized),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
        ),
      )
      .returning({ id: schema.invitations.id, role: schema.invitations.role });
    for (const old of replaced) {
      await recordAudit({
        db: tx,
        workspaceId,
        actorUserId,
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: old.id,
        before: { email: normalized, role: old.role, state: "pending" },
        after: { email: normalized, role: old.role, state: "revoked" },
        reason: "Replaced by a new invitation",
      });
    }

    const [invitation] = await tx
      .insert(schema.invitations)
      .values({ workspaceId, email: normalized, role, tokenHash, invitedBy: actorUserId, expiresAt })
      .returning({ id: schema.invitations.id });
    if (!invitation) throw new Error("Inserting the invitation returned no row");
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "user.invited",
      targetType: "invitation",
      targetId: invitation.id,
      after: { email: normalized, role, expiresAt: expiresAt.toISOString() },
    });
    return invitation.id;
  });
  return { invitationId, token, expiresAt };
}
