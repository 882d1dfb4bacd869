import {
  AlreadyMemberError,
  ExistingAccountPasswordError,
  InvitationNotFoundError,
  InvitationNotPendingError,
  MemberInputError,
} from "@handoff/services";

/** The HTTP status and message for a refusal the invitee can act on; null for anything else. */
export function acceptRefusal(error: unknown): { status: number; message: string } | null {
  if (error instanceof MemberInputError) return { status: 400, message: error.message };
  if (error instanceof ExistingAccountPasswordError) return { status: 403, message: error.message };
  if (error instanceof InvitationNotFoundError) {
    return { status: 404, message: "This invite link is not valid; check that you copied all of it" };
  }
  if (error instanceof InvitationNotPendingError || error instanceof AlreadyMemberError) {
    return { status: 409, message: error.message };
  }
  return null;
}
