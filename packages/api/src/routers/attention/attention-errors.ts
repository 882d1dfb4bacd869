import {
  AttentionInputError,
  IdentityReviewClosedError,
  IdentityReviewInputError,
  NotFoundError,
} from "@handoff/services";
import { TRPCError } from "@trpc/server";

/** Service refusals carry a message meant for the person; each becomes the matching tRPC code. */
export async function attentionCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
    if (error instanceof AttentionInputError || error instanceof IdentityReviewInputError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    }
    if (error instanceof IdentityReviewClosedError) throw new TRPCError({ code: "CONFLICT", message: error.message });
    throw error;
  }
}
