import { deleteFlow, syncTriggerSubscription } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/** Deletes the flow and removes its registration at the provider, so no event is sent for it. */
export const deleteFlowProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid() }))
  .output(z.void())
  .mutation(async ({ ctx, input }) => {
    await flowCall(() =>
      deleteFlow({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        flowId: input.flowId,
        actorUserId: ctx.member.userId,
      }),
    );
    await syncTriggerSubscription({
      db: ctx.db,
      secretBox: ctx.secretBox,
      flowId: input.flowId,
      publicUrl: ctx.publicUrl,
    });
  });
