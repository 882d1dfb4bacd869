import { getRejectedDelivery } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { attentionCall } from "./attention-errors";

/** A refused delivery: reason, headers (signatures redacted) and the start of its body. */
export const getRejectedDeliveryProcedure = procedureWith("runs.read")
  .input(z.object({ id: z.uuid() }))
  .output(
    z.object({
      id: z.string(),
      flowId: z.string(),
      flowName: z.string().nullable(),
      reason: z.string().nullable(),
      receivedAt: z.string(),
      headers: z.array(z.object({ name: z.string(), value: z.string() })),
      bodyPreview: z.string().nullable(),
      bodyTruncated: z.boolean(),
    }),
  )
  .query(({ ctx, input }) =>
    attentionCall(() => getRejectedDelivery({ db: ctx.db, workspaceId: ctx.member.workspaceId, id: input.id })),
  );
