import { defineTrigger } from "@handoff/connector-sdk";
import { z } from "zod";
import { bookingBusinessKeys, type CalcomBookingEvent, summarizeBookingEvent, toBookingEvent } from "./booking-event";
import { sampleBookingEvent } from "./samples";
import { verifyCalcomSignature } from "./signature";
import { type BookingTriggerEvent, parseBookingEnvelope } from "./webhook-envelope";
import { subscribeBookingWebhook, unsubscribeBookingWebhook } from "./webhook-subscription";

export const ZBookingTriggerProps = z.object({
  eventTypeSlug: z
    .string()
    .trim()
    .optional()
    .describe("Only bookings of this event type, by its slug (e.g. haircut); leave empty for every event type"),
});

export type BookingTriggerProps = z.output<typeof ZBookingTriggerProps>;

/**
 * A delivery starts a run only for this trigger's event (a hook URL pasted into a Cal.com
 * webhook with more events is recorded, not run) and, when set, for the chosen event type.
 */
export function matchesBookingTrigger(
  event: CalcomBookingEvent,
  triggerEvent: BookingTriggerEvent,
  props: BookingTriggerProps,
): boolean {
  if (event.triggerEvent !== triggerEvent) return false;
  const wanted = props.eventTypeSlug?.trim().toLowerCase();
  return !wanted || event.booking.eventTypeSlug?.toLowerCase() === wanted;
}

/** The three booking triggers differ only in Cal.com's event name and their wording. */
export function defineBookingTrigger(options: {
  key: string;
  name: string;
  description: string;
  triggerEvent: BookingTriggerEvent;
}) {
  const { triggerEvent } = options;
  return defineTrigger({
    kind: "webhook",
    key: options.key,
    name: options.name,
    description: options.description,
    props: ZBookingTriggerProps,
    verify: verifyCalcomSignature,
    parse: (rawBody) => {
      const envelope = parseBookingEnvelope(rawBody);
      return envelope.ok ? { ok: true, payload: toBookingEvent(envelope.value) } : envelope;
    },
    // Cal.com sends no delivery id; this triple is what its own docs suggest de-duplicating on.
    eventId: (event: CalcomBookingEvent) => `${event.triggerEvent}:${event.booking.uid}:${event.createdAt}`,
    eventTime: (event) => new Date(event.createdAt),
    summary: summarizeBookingEvent,
    businessKeys: bookingBusinessKeys,
    matches: (event, props) => matchesBookingTrigger(event, triggerEvent, props),
    subscribe: (ctx) => subscribeBookingWebhook(ctx, triggerEvent),
    unsubscribe: unsubscribeBookingWebhook,
    sample: sampleBookingEvent(triggerEvent),
  });
}
