import { createFlow } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** A new flow: a draft with a lone webhook trigger, paused until its first publish. */
export const createFlowProcedure = procedureWith("flows.edit")
  .input(z.object({ name: z.string().trim().min(1, "Give the flow a name").max(200) }))
  .output(z.object({ id: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const flow = await createFlow({
      db: ctx.db,
      workspaceId: ctx.member.workspaceId,
      name: input.name,
      actorUserId: ctx.member.userId,
    });
    return { id: flow.id };
  });
