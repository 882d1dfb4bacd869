import { NotFoundError, RunNotCancelableError } from "@handoff/services";
import { TRPCError } from "@trpc/server";

/**
 * Run services refuse with plain errors whose message is meant for the person ("Only a run that
 * needs attention … can be retried", "Give a reason …"): those become BAD_REQUEST as they are.
 */
export async function runCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    if (error instanceof NotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
    if (error instanceof RunNotCancelableError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    if (error instanceof Error && /^(Only a run|Give a reason|A replay with an edited payload)/.test(error.message)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    }
    throw error;
  }
}
