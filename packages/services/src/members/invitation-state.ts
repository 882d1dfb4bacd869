/** Where an invitation stands; only a pending one can be accepted. */
export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

interface InvitationTimes {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationState(invitation: InvitationTimes, now: Date): InvitationState {
  // Accepted and revoked are final and say more than "expired", so they are checked first.
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (isInvitationExpired(invitation.expiresAt, now)) return "expired";
  return "pending";
}

export function isInvitationExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}
