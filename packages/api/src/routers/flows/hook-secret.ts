import { getFlow, setHookSecret } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/**
 * The webhook trigger's signing secret: generated here and shown once (the sender needs it), then
 * only whether one is set. Removing it accepts unsigned deliveries again.
 */
export const setHookSecretProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid(), action: z.enum(["generate", "remove"]) }))
  .output(z.object({ secret: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    await flowCall(() => getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }));
    return setHookSecret({
      db: ctx.db,
      secretBox: ctx.secretBox,
      flowId: input.flowId,
      secret: input.action === "generate" ? "generate" : null,
      actorUserId: ctx.member.userId,
    });
  });
