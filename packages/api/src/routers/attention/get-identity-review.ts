import { getIdentityReview } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { attentionCall } from "./attention-errors";

/** An identity conflict with the records to choose between; only those who may resolve it read it. */
export const getIdentityReviewProcedure = procedureWith("runs.operate")
  .input(z.object({ id: z.uuid() }))
  .output(
    z.object({
      id: z.string(),
      provider: z.string(),
      keys: z.object({ email: z.string().optional(), phone: z.string().optional(), name: z.string().optional() }),
      candidates: z.array(
        z.object({ externalId: z.string(), matchedBy: z.string().optional(), label: z.string().optional() }),
      ),
      runId: z.string().nullable(),
      status: z.enum(["open", "resolved", "dismissed"]),
      resolution: z.string().nullable(),
      createdAt: z.string(),
    }),
  )
  .query(({ ctx, input }) =>
    attentionCall(() => getIdentityReview({ db: ctx.db, workspaceId: ctx.member.workspaceId, id: input.id })),
  );
