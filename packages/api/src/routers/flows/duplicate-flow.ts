import { duplicateFlow } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

export const duplicateFlowProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid() }))
  .output(z.object({ id: z.string(), name: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const copy = await flowCall(() =>
      duplicateFlow({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        flowId: input.flowId,
        actorUserId: ctx.member.userId,
      }),
    );
    return { id: copy.id, name: copy.name };
  });
