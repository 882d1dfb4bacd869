import { DraftEditRefusedError, NotFoundError, PublishRefusedError, StaleDraftError } from "@handoff/services";
import { TRPCError } from "@trpc/server";

/**
 * Service errors as the browser should see them. The original error stays the `cause`, so the
 * error formatter can pass structured details (publish problems, the current revision) along.
 */
export function asFlowTrpcError(error: unknown): unknown {
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof StaleDraftError)
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  if (error instanceof PublishRefusedError || error instanceof DraftEditRefusedError || error instanceof RangeError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  return error;
}

/** Runs a service call, translating its errors. */
export async function flowCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asFlowTrpcError(error);
  }
}
