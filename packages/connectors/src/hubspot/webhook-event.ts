import { type Lifecycle, parseJsonBody, type WebhookParseResult } from "@handoff/connector-sdk";
import { z } from "zod";

/** One event of a HubSpot webhooks v3 delivery, as HubSpot sends it. */
const ZHubspotWebhookEvent = z.object({
  eventId: z.number(),
  subscriptionId: z.number(),
  portalId: z.number(),
  appId: z.number().optional(),
  occurredAt: z.number(),
  subscriptionType: z.string().min(1),
  attemptNumber: z.number().default(0),
  objectId: z.number(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
  changeFlag: z.string().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
});
type HubspotWebhookEvent = z.output<typeof ZHubspotWebhookEvent>;

/**
 * One event as a run sees it: HubSpot's fields (`objectId` as a string, the form every CRM API call
 * takes), plus what the flow reacts to. HubSpot events carry ids only, no names or emails: a flow
 * that needs them reads the record with an action.
 */
export type HubspotCrmEvent = Omit<HubspotWebhookEvent, "objectId"> & {
  /** Null for events no lifecycle describes (other subscriptions sharing the app's one target URL). */
  lifecycle: Lifecycle | null;
  /** `contact`, `deal`: the prefix of `subscriptionType`. */
  objectType: string;
  objectId: string;
  contactId?: string;
  dealId?: string;
  /** The deal's new stage id, for `deal.propertyChange` of `dealstage`. */
  dealstage?: string;
  /** `occurredAt` (epoch ms) as ISO-8601 UTC. */
  occurredAtIso: string;
};

/** A whole delivery; only `split` ever sees one, every other trigger function gets single events. */
export type HubspotDelivery = { events: HubspotCrmEvent[] };

export type HubspotPayload = HubspotCrmEvent | HubspotDelivery;

function isDelivery(payload: HubspotPayload): payload is HubspotDelivery {
  return "events" in payload && Array.isArray(payload.events);
}

export function splitDelivery(payload: HubspotPayload): HubspotCrmEvent[] {
  return isDelivery(payload) ? payload.events : [payload];
}

/** The event a per-event function works on (a delivery reaching one means `split` was skipped). */
export function singleEvent(payload: HubspotPayload): HubspotCrmEvent | undefined {
  return isDelivery(payload) ? payload.events[0] : payload;
}

const WON_STAGE = "closedwon";
const LOST_STAGE = "closedlost";

function lifecycleOf(event: HubspotWebhookEvent): Lifecycle | null {
  if (event.subscriptionType === "contact.creation") return "contact_created";
  if (event.subscriptionType !== "deal.propertyChange" || event.propertyName !== "dealstage") return null;
  // Default-pipeline ids; custom pipelines' closed stages have numeric ids and read as a plain change.
  if (event.propertyValue === WON_STAGE) return "deal_won";
  if (event.propertyValue === LOST_STAGE) return "deal_lost";
  return "deal_stage_changed";
}

export function toCrmEvent(event: HubspotWebhookEvent): HubspotCrmEvent {
  const objectType = event.subscriptionType.split(".")[0] ?? "";
  const objectId = String(event.objectId);
  const stageChange = objectType === "deal" && event.propertyName === "dealstage" && event.propertyValue !== undefined;
  return {
    ...event,
    lifecycle: lifecycleOf(event),
    objectType,
    objectId,
    ...(objectType === "contact" ? { contactId: objectId } : {}),
    ...(objectType === "deal" ? { dealId: objectId } : {}),
    ...(stageChange ? { dealstage: event.propertyValue } : {}),
    occurredAtIso: new Date(event.occurredAt).toISOString(),
  };
}

/** HubSpot always POSTs a JSON array of events (batched, in no guaranteed order). */
export function parseDelivery(rawBody: Buffer): WebhookParseResult<HubspotPayload> {
  const parsed = parseJsonBody(rawBody);
  if (!parsed.ok) return parsed;
  if (!Array.isArray(parsed.value)) {
    return { ok: false, error: "body is not a JSON array; HubSpot webhooks v3 send an array of events" };
  }
  if (parsed.value.length === 0) return { ok: false, error: "the delivery holds no events" };
  const events: HubspotCrmEvent[] = [];
  for (const [index, item] of parsed.value.entries()) {
    const event = ZHubspotWebhookEvent.safeParse(item);
    if (!event.success) {
      const issue = event.error.issues[0];
      return { ok: false, error: `event ${index}: ${issue?.path.join(".") || "event"}: ${issue?.message}` };
    }
    events.push(toCrmEvent(event.data));
  }
  return { ok: true, payload: { events } };
}

/** HubSpot's documented de-duplication key: the event id within its subscription. */
export function eventIdOf(payload: HubspotPayload): string | undefined {
  const event = singleEvent(payload);
  return event ? `${event.subscriptionId}:${event.eventId}` : undefined;
}

export function eventTimeOf(payload: HubspotPayload): Date | undefined {
  const event = singleEvent(payload);
  return event ? new Date(event.occurredAt) : undefined;
}

const LIFECYCLE_WORDS: Record<string, string> = {
  contact_created: "created",
  deal_won: "won",
  deal_lost: "lost",
  deal_stage_changed: "moved",
};

export function summarizeEvent(payload: HubspotPayload): string {
  const event = singleEvent(payload);
  if (!event) return "HubSpot event";
  const what = `HubSpot ${event.objectType} ${event.objectId}`;
  const source = event.changeSource ? ` (${event.changeSource})` : "";
  if (event.lifecycle === null) return `${what}: ${event.subscriptionType}${source}`;
  const stage = event.dealstage ? ` → ${event.dealstage}` : "";
  return `${what} ${LIFECYCLE_WORDS[event.lifecycle] ?? event.lifecycle}${stage}${source}`;
}

export function businessKeysOf(payload: HubspotPayload): string[] {
  const event = singleEvent(payload);
  return event ? [event.objectId] : [];
}
