import { defineTrigger, type Lifecycle, type WebhookTriggerDefinition } from "@handoff/connector-sdk";
import { z } from "zod";
import {
  invoiceBusinessKeys,
  parseInvoiceEvent,
  type StripeInvoiceEvent,
  summarizeInvoiceEvent,
} from "./invoice-event";
import { sampleInvoiceEvent } from "./samples";
import { verifyStripeSignature } from "./signature";
import { subscribeInvoiceWebhook, unsubscribeInvoiceWebhook } from "./webhook-subscription";

export const ZInvoiceTriggerProps = z.object({});

/**
 * The invoice triggers differ in the Stripe event types they register for, the lifecycle they
 * stand for and, for partial payments, which `invoice.updated` deliveries count.
 */
export function defineInvoiceTrigger(options: {
  key: string;
  name: string;
  description: string;
  eventTypes: readonly [string, ...string[]];
  lifecycle: Lifecycle;
  /** Beyond the event type, e.g. "amount_paid rose"; events of other types never start a run. */
  accepts?: (event: StripeInvoiceEvent) => boolean;
  /** De-duplication key when it is not the event id (overdue: once per invoice, however found). */
  eventId?: (event: StripeInvoiceEvent) => string;
  derive?: WebhookTriggerDefinition<typeof ZInvoiceTriggerProps, StripeInvoiceEvent>["derive"];
}) {
  const { eventTypes, lifecycle, accepts } = options;
  return defineTrigger({
    kind: "webhook",
    key: options.key,
    name: options.name,
    description: options.description,
    props: ZInvoiceTriggerProps,
    verify: verifyStripeSignature,
    parse: (rawBody) => parseInvoiceEvent(rawBody, lifecycle),
    // Stripe retries and duplicates deliveries of one event under the same evt_ id.
    eventId: options.eventId ?? ((event: StripeInvoiceEvent) => event.id),
    eventTime: (event) => new Date(event.created * 1000),
    summary: summarizeInvoiceEvent,
    businessKeys: invoiceBusinessKeys,
    matches: (event) => eventTypes.includes(event.type) && event.invoice !== null && (accepts ? accepts(event) : true),
    subscribe: (ctx) => subscribeInvoiceWebhook(ctx, eventTypes),
    unsubscribe: unsubscribeInvoiceWebhook,
    ...(options.derive ? { derive: options.derive } : {}),
    sample: sampleInvoiceEvent(eventTypes[0], lifecycle),
  });
}
