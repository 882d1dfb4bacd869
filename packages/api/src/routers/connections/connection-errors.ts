import { ConnectionInputError, ConnectionInUseError, ConnectionNotFoundError } from "@handoff/services";
import { TRPCError } from "@trpc/server";

/**
 * Service errors as the browser should see them. The input error travels as `cause`, so an error
 * formatter can hand its `field` to the form; messages never carry a credential value.
 */
function toConnectionTrpcError(error: unknown): unknown {
  if (error instanceof ConnectionInputError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (error instanceof ConnectionNotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message });
  if (error instanceof ConnectionInUseError) return new TRPCError({ code: "CONFLICT", message: error.message });
  return error;
}

/** Runs a service call, rethrowing its known errors as tRPC errors. */
export async function withConnectionErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toConnectionTrpcError(error);
  }
}
