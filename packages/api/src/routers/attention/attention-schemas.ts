import { z } from "zod";

export const ZAttentionKind = z.enum(["run", "identity_review", "rejected_delivery"]);

/** One item of the queue: its kind and the id of the run, identity review or trigger event. */
export const ZAttentionItemRef = z.object({ kind: ZAttentionKind, id: z.uuid() });

export const ZAttentionItem = z.object({
  kind: ZAttentionKind,
  id: z.string(),
  runId: z.string().nullable(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  createdAt: z.string(),
  assignedTo: z.object({ userId: z.string(), email: z.string() }).nullable(),
});
