import { getFlow, publishFlow, syncTriggerSubscription } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

export const ZFlowProblem = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
});

/**
 * Publishes the draft as the next immutable version. Refused (BAD_REQUEST, with every problem
 * in the error's `data.problems`) when the draft is invalid, or when it changed since the editor
 * last saw it — what is published is always what the person looked at.
 */
export const publishFlowProcedure = procedureWith("flows.edit")
  .input(
    z.object({
      flowId: z.uuid(),
      draftRevision: z.number().int().min(1),
      message: z.string().trim().max(500).default(""),
    }),
  )
  .output(z.object({ version: z.number(), subscription: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const flow = await flowCall(() =>
      getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }),
    );
    if (flow.draftRevision !== input.draftRevision) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `The draft changed since you opened it (revision ${flow.draftRevision}, you had ${input.draftRevision}); reload before publishing`,
      });
    }
    const version = await flowCall(() =>
      publishFlow({ db: ctx.db, flowId: input.flowId, message: input.message, actorUserId: ctx.member.userId }),
    );
    const subscription = await syncTriggerSubscription({
      db: ctx.db,
      secretBox: ctx.secretBox,
      flowId: input.flowId,
      publicUrl: ctx.publicUrl,
    });
    return { version: version.number, subscription };
  });
