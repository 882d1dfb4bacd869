import { ConnectorError, defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { SAMPLE_SYNC_REVIEW } from "./sync-review-sample";

export const ZSyncReviewProps = z.object({
  days: z
    .number()
    .int("days is a whole number")
    .min(1, "days is at least 1")
    .max(31, "days is at most 31")
    .default(7)
    .describe("How many days back the review looks, ending when the step runs; 7 for a weekly review"),
});

/**
 * The weekly review of failed syncs, duplicates found by the identity service and canceled
 * bookings whose invoice is still open, with a subject, text and HTML ready for an e-mail step.
 * It only reads, so a retried or replayed run reads the review again.
 */
export const syncReviewAction = defineAction({
  key: "sync-review",
  name: "Weekly sync review",
  description:
    "Collects the failed syncs, the duplicates found by the identity service and the canceled appointments whose " +
    "invoice is still open, for the last few days, ready to e-mail to the workspace's mapping owner.",
  props: ZSyncReviewProps,
  sideEffect: false,
  sampleOutput: SAMPLE_SYNC_REVIEW,
  async run(ctx) {
    if (!ctx.review) {
      throw new ConnectorError({
        code: "validation",
        message: "The sync review is not available to this runner: it runs in the Handoff worker only",
      });
    }
    const report = await ctx.review.review({ days: ctx.props.days });
    ctx.log("Sync review collected", { ...report.counts, periodStart: report.periodStart });
    return report;
  },
});
