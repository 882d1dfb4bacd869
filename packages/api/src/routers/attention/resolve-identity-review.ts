import { resolveIdentityReview } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { attentionCall } from "./attention-errors";

/**
 * Settles an identity conflict: "same as" one of its records (linked in the identity map, blocked
 * runs retried), or "none of these". Audited as identity_review.resolved.
 */
export const resolveIdentityReviewProcedure = procedureWith("runs.operate")
  .input(
    z.object({
      id: z.uuid(),
      decision: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("same_as"), externalId: z.string().trim().min(1, "Choose a record").max(200) }),
        z.object({ kind: z.literal("create_new") }),
      ]),
    }),
  )
  .output(
    z.object({
      reviewId: z.string(),
      alsoResolved: z.array(z.string()),
      customerId: z.string().nullable(),
      retriedRunIds: z.array(z.string()),
      notRetried: z.array(z.object({ runId: z.string(), reason: z.string() })),
    }),
  )
  .mutation(({ ctx, input }) =>
    attentionCall(() =>
      resolveIdentityReview({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        reviewId: input.id,
        decision: input.decision,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
