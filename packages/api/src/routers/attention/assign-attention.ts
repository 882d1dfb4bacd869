import { assignAttention } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { attentionCall } from "./attention-errors";
import { ZAttentionItemRef } from "./attention-schemas";

/** Puts a member on an item, or nobody (null); audited as attention.assigned. */
export const assignAttentionProcedure = procedureWith("runs.operate")
  .input(ZAttentionItemRef.extend({ assigneeUserId: z.uuid().nullable() }))
  .output(z.void())
  .mutation(({ ctx, input }) =>
    attentionCall(() =>
      assignAttention({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        kind: input.kind,
        id: input.id,
        assigneeUserId: input.assigneeUserId,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
