import type { Role } from "@handoff/auth";
import { type Database, eq, schema } from "@handoff/db";
import { type InvitationState, invitationState } from "./invitation-state";
import { hashInvitationToken } from "./invitation-token";

export interface GetInvitationOptions {
  db: Database;
  /** The token from the link, as the invitee has it. */
  token: string;
  now?: Date;
}

export interface InvitationView {
  email: string;
  role: Role;
  workspaceName: string;
  state: InvitationState;
  expiresAt: Date;
}

/** What the public accept page shows for a link; null when the link matches no invitation. */
export async function getInvitation({
  db,
  token,
  now = new Date(),
}: GetInvitationOptions): Promise<InvitationView | null> {
  const [invitation] = await db
    .select({
      email: schema.invitations.email,
      role: schema.invitations.role,
      workspaceName: schema.workspaces.name,
      expiresAt: schema.invitations.expiresAt,
      acceptedAt: schema.invitations.acceptedAt,
      revokedAt: schema.invitations.revokedAt,
    })
    .from(schema.invitations)
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.invitations.workspaceId))
    .where(eq(schema.invitations.tokenHash, hashInvitationToken(token)));
  if (!invitation) return null;
  const { acceptedAt: _accepted, revokedAt: _revoked, ...view } = invitation;
  return { ...view, state: invitationState(invitation, now) };
}
