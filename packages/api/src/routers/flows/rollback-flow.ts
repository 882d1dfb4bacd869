import { getFlow, rollbackFlow, syncTriggerSubscription } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/** Republishes an old version as the next number; the draft is left as it is. */
export const rollbackFlowProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid(), toVersion: z.number().int().min(1) }))
  .output(z.object({ version: z.number() }))
  .mutation(async ({ ctx, input }) => {
    await flowCall(() => getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }));
    const version = await flowCall(() =>
      rollbackFlow({
        db: ctx.db,
        flowId: input.flowId,
        toVersionNumber: input.toVersion,
        actorUserId: ctx.member.userId,
      }),
    );
    await syncTriggerSubscription({
      db: ctx.db,
      secretBox: ctx.secretBox,
      flowId: input.flowId,
      publicUrl: ctx.publicUrl,
    });
    return { version: version.number };
  });
