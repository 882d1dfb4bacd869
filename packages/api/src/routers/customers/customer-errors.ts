import { AmbiguousCustomerError, CustomerQueryError, ErasureRefusedError, NotFoundError } from "@handoff/services";
import { TRPCError } from "@trpc/server";

/** Runs a customer data service call, turning its refusals into the tRPC codes the page can show. */
export async function withCustomerErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTRPCError(error);
  }
}

function toTRPCError(error: unknown): unknown {
  if (error instanceof CustomerQueryError || error instanceof ErasureRefusedError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof AmbiguousCustomerError) {
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  }
  return error;
}
