import { NotFoundError, PublishRefusedError, TemplateInputError, TemplateNotFoundError } from "@handoff/services";
import { TRPCError } from "@trpc/server";

/**
 * Install refusals as the browser should see them. A refused publish keeps its error as `cause`,
 * so the error formatter hands every problem to the form, as the flows router's publish does; an
 * input refusal's message names the connection role or field at fault.
 */
function toTemplateTrpcError(error: unknown): unknown {
  if (error instanceof TemplateNotFoundError || error instanceof NotFoundError) {
    return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  }
  if (error instanceof TemplateInputError || error instanceof PublishRefusedError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  return error;
}

/** Runs a service call, rethrowing its known errors as tRPC errors. */
export async function withTemplateErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTemplateTrpcError(error);
  }
}
