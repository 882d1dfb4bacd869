import {
  AlreadyMemberError,
  CannotRemoveSelfError,
  InvitationNotFoundError,
  InvitationNotPendingError,
  LastOwnerError,
  MemberInputError,
  MemberNotFoundError,
} from "@handoff/services";
import { TRPCError } from "@trpc/server";

/** Runs a members service call, turning its refusals into the tRPC codes the page can show. */
export async function withMemberErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTRPCError(error);
  }
}

function toTRPCError(error: unknown): unknown {
  if (error instanceof MemberInputError || error instanceof CannotRemoveSelfError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (error instanceof MemberNotFoundError || error instanceof InvitationNotFoundError) {
    return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  }
  if (
    error instanceof AlreadyMemberError ||
    error instanceof InvitationNotPendingError ||
    error instanceof LastOwnerError
  ) {
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  }
  return error;
}
