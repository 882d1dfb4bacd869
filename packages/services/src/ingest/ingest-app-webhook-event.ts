import { eq, schema } from "@handoff/db";
import { type IngestOutcome, type IngestWebhookEventOptions, ingestWebhookEvent } from "./ingest-webhook-event";

export interface IngestAppWebhookEventOptions extends Omit<IngestWebhookEventOptions, "hookId"> {
  /** e.g. `hubspot-4012345`: the app whose one webhook target this is. */
  appKey: string;
}

export type AppIngestOutcome = {
  status: 200 | 202 | 401 | 404;
  /** What each flow subscribed through the app made of the delivery. */
  flows: { flowId: string; outcome: IngestOutcome }[];
};

/**
 * `POST /api/hooks/apps/:appKey`: providers with one webhook target per app (HubSpot) deliver
 * every event here; each flow subscribed through the app takes the delivery as if it had come
 * to its own hook — its own signature check, split, match and de-duplication.
 */
export async function ingestAppWebhookEvent(options: IngestAppWebhookEventOptions): Promise<AppIngestOutcome> {
  const { appKey, ...delivery } = options;
  const targets = await options.db
    .select({ flowId: schema.flows.id, hookId: schema.flows.hookId })
    .from(schema.triggerSubscriptions)
    .innerJoin(schema.flows, eq(schema.flows.id, schema.triggerSubscriptions.flowId))
    .where(eq(schema.triggerSubscriptions.appKey, appKey));
  if (targets.length === 0) return { status: 404, flows: [] };
  const flows: AppIngestOutcome["flows"] = [];
  for (const target of targets) {
    flows.push({ flowId: target.flowId, outcome: await ingestWebhookEvent({ ...delivery, hookId: target.hookId }) });
  }
  // The provider retries what is not acknowledged: acknowledge once any flow took it, refuse
  // (401) only when no flow could verify it.
  const outcomes = flows.map((flow) => flow.outcome);
  if (outcomes.some((outcome) => outcome.outcome === "accepted")) return { status: 202, flows };
  if (outcomes.every((outcome) => outcome.outcome === "rejected" && outcome.status === 401)) {
    return { status: 401, flows };
  }
  return { status: 200, flows };
}
