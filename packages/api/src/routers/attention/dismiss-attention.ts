import { dismissAttention } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { attentionCall } from "./attention-errors";
import { ZAttentionItemRef } from "./attention-schemas";

/** Takes an item out of the queue for a stated reason; audited as attention.dismissed. */
export const dismissAttentionProcedure = procedureWith("runs.operate")
  .input(
    ZAttentionItemRef.extend({
      reason: z
        .string()
        .trim()
        .min(1, "Give a reason for dismissing it")
        .max(500, "Keep the reason under 500 characters"),
    }),
  )
  .output(z.void())
  .mutation(({ ctx, input }) =>
    attentionCall(() =>
      dismissAttention({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        kind: input.kind,
        id: input.id,
        reason: input.reason,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
