import { needsConnection, propsSchemaFor } from "@handoff/connectors";
import { validateFlow, ZFlowDocument, ZFlowOperation } from "@handoff/flow-core";
import { editDraft } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";
import { ZFlowProblem } from "./publish-flow";

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
  .output(z.object({ revision: z.number(), draft: ZFlowDocument, problems: z.array(ZFlowProblem) }))
  .mutation(async ({ ctx, input }) => {
    const saved = await flowCall(() =>
      editDraft({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        flowId: input.flowId,
        baseRevision: input.baseRevision,
        operations: input.operations,
        actorUserId: ctx.member.userId,
      }),
    );
    // The connector schemas live on the server: every save answers with the draft's problems.
    return { ...saved, problems: validateFlow(saved.draft, { connectors: propsSchemaFor, needsConnection }) };
  });
