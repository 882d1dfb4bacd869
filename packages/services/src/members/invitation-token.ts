import { createHash, randomBytes } from "node:crypto";

export const INVITATION_VALID_DAYS = 7;

/** The secret part of an invite link. Only its hash is stored, so a database dump cannot accept it. */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}
