import { z } from "zod";

const ZFailedSync = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  status: z.enum(["failed", "needs_attention"]),
  summary: z.string(),
  error: z.string().nullable(),
  at: z.string(),
  replayedByRunId: z.string().nullable(),
  url: z.string(),
});

const ZDuplicate = z.object({
  kind: z.enum(["identity_review", "merged_link"]),
  id: z.string(),
  provider: z.string(),
  customer: z.string(),
  detail: z.string(),
  status: z.string(),
  runId: z.string().nullable(),
  flowName: z.string().nullable(),
  at: z.string(),
  url: z.string().nullable(),
});

const ZCanceledStillOpen = z.object({
  bookingUid: z.string(),
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  summary: z.string(),
  canceledAt: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  invoiceStatus: z.string().nullable(),
  invoiceRunId: z.string(),
  url: z.string(),
});

export const ZSyncReviewView = z.object({
  workspaceName: z.string(),
  timeZone: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  mappingOwner: z.object({ userId: z.string(), email: z.string(), name: z.string() }).nullable(),
  failedSyncs: z.array(ZFailedSync),
  duplicates: z.array(ZDuplicate),
  canceledStillOpen: z.array(ZCanceledStillOpen),
  counts: z.object({ failedSyncs: z.number(), duplicates: z.number(), canceledStillOpen: z.number() }),
  /** The published flow that e-mails the review, when there is one. */
  reviewFlow: z
    .object({
      flowId: z.string(),
      name: z.string(),
      active: z.boolean(),
      schedule: z.object({ cron: z.string(), timeZone: z.string() }).nullable(),
    })
    .nullable(),
});
