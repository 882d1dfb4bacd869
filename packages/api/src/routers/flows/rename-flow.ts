import { renameFlow } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

export const renameFlowProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid(), name: z.string().trim().min(1, "Give the flow a name").max(200) }))
  .output(z.object({ name: z.string() }))
  .mutation(({ ctx, input }) =>
    flowCall(() =>
      renameFlow({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        flowId: input.flowId,
        name: input.name,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
