import { can, type Permission } from "@handoff/auth";
import { ConnectionInputError, DraftEditRefusedError, PublishRefusedError, StaleDraftError } from "@handoff/services";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { ApiContext } from "./context";

export interface ProcedureMeta {
  /** Declared on every procedure; the role matrix test reads it. */
  permission: Permission;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Structured details the browser acts on: every publish problem (each clickable to its node),
    // the operation the canvas must undo, the revision a stale save lost to, the form field an
    // input error concerns.
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          problems: cause instanceof PublishRefusedError ? [...cause.problems] : undefined,
          operationError: cause instanceof DraftEditRefusedError ? cause.problem : undefined,
          currentRevision: cause instanceof StaleDraftError ? cause.currentRevision : undefined,
          field: cause instanceof ConnectionInputError ? cause.field : undefined,
        },
      };
    },
  });

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The only way to make a procedure: it names the permission it needs, and the check happens here,
 * on the server, before the procedure body runs.
 */
export function procedureWith(permission: Permission) {
  return t.procedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.member) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    if (!can(ctx.member.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role cannot do this (needs ${permission})` });
    }
    return next({ ctx: { ...ctx, member: ctx.member } });
  });
}
