import { ZFlowDocument, ZFlowOperation } from "@handoff/flow-core";
import { editDraft } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/**
 * Autosave: the canvas's operations since `baseRevision`, applied on the server with the same
 * `applyOperation`. A stale revision is a CONFLICT carrying the current one, never an overwrite.
 */
export const editDraftProcedure = procedureWith("flows.edit")
  .input(
    z.object({
      flowId: z.uuid(),
      baseRevision: z.number().int().min(1),
      operations: z.array(ZFlowOperation).min(1).max(500),
    }),
  )
  .output(z.object({ revision: z.number(), draft: ZFlowDocument }))
  .mutation(({ ctx, input }) =>
    flowCall(() =>
      editDraft({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        flowId: input.flowId,
        baseRevision: input.baseRevision,
        operations: input.operations,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
