import type { Role } from "@handoff/auth";
import { and, asc, type Database, desc, eq, isNull, schema } from "@handoff/db";
import { isInvitationExpired } from "./invitation-state";

export interface ListMembersOptions {
  db: Database;
  workspaceId: string;
  now?: Date;
}

export interface MemberSummary {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

/** An invitation neither accepted nor revoked; an expired one stays listed until revoked or replaced. */
export interface OpenInvitation {
  id: string;
  email: string;
  role: Role;
  invitedByEmail: string | null;
  expiresAt: Date;
  expired: boolean;
}

export async function listMembers({ db, workspaceId, now = new Date() }: ListMembersOptions) {
  const [members, invitations] = await Promise.all([
    db
      .select({
        userId: schema.users.id,
        email: schema.users.email,
        name: schema.users.name,
        role: schema.memberships.role,
        joinedAt: schema.memberships.createdAt,
      })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.workspaceId, workspaceId))
      .orderBy(asc(schema.memberships.createdAt), asc(schema.users.email)),
    db
      .select({
        id: schema.invitations.id,
        email: schema.invitations.email,
        role: schema.invitations.role,
        invitedByEmail: schema.users.email,
        expiresAt: schema.invitations.expiresAt,
      })
      .from(schema.invitations)
      .leftJoin(schema.users, eq(schema.users.id, schema.invitations.invitedBy))
      .where(
        and(
          eq(schema.invitations.workspaceId, workspaceId),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
        ),
      )
      .orderBy(desc(schema.invitations.createdAt)),
  ]);
  return {
    members: members satisfies MemberSummary[],
    invitations: invitations.map(
      (invitation): OpenInvitation => ({ ...invitation, expired: isInvitationExpired(invitation.expiresAt, now) }),
    ),
  };
}
