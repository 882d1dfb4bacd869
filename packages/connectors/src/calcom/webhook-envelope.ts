import { type Lifecycle, parseJsonObjectBody } from "@handoff/connector-sdk";
import { z } from "zod";

/** The booking triggers this connector subscribes to, with the lifecycle each one means. */
export const BOOKING_TRIGGER_LIFECYCLES = {
  BOOKING_CREATED: "booked",
  BOOKING_RESCHEDULED: "rescheduled",
  BOOKING_CANCELLED: "canceled",
} as const satisfies Record<string, Lifecycle>;

export type BookingTriggerEvent = keyof typeof BOOKING_TRIGGER_LIFECYCLES;

export function isBookingTriggerEvent(value: string): value is BookingTriggerEvent {
  return Object.hasOwn(BOOKING_TRIGGER_LIFECYCLES, value);
}

const instant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: "must be an ISO 8601 date-time" });

const optionalText = z.string().nullish();

const ZPerson = z.looseObject({
  name: optionalText,
  email: optionalText,
  timeZone: optionalText,
});

const ZAttendee = ZPerson.extend({
  email: z.string().refine((value) => value.trim() !== "", { error: "is required" }),
  firstName: optionalText,
  lastName: optionalText,
  phoneNumber: optionalText,
});

/** A booking-form answer: `{label, value}`, where value is whatever the field holds. */
const ZResponse = z.looseObject({ value: z.unknown() });

/**
 * The fields of a payload-version 2021-10-20 booking payload this connector reads. Everything else
 * Cal.com sends is kept untouched (loose objects): the flow sees the provider's payload whole.
 */
export const ZBookingPayload = z.looseObject({
  uid: z.string().min(1, { error: "is required" }),
  bookingId: z.number().nullish(),
  title: optionalText,
  type: optionalText,
  eventTitle: optionalText,
  eventTypeId: z.number().nullish(),
  startTime: instant,
  endTime: instant,
  length: z.number().nullish(),
  organizer: ZPerson.nullish(),
  attendees: z.array(ZAttendee).min(1, { error: "has no attendee" }),
  location: optionalText,
  status: optionalText,
  price: z.number().nullish(),
  currency: optionalText,
  responses: z.record(z.string(), ZResponse.nullish()).nullish(),
  smsReminderNumber: optionalText,
  rescheduleUid: optionalText,
  rescheduleStartTime: optionalText,
  cancellationReason: optionalText,
});

export type BookingPayload = z.infer<typeof ZBookingPayload>;

const ZEnvelope = z.object({
  triggerEvent: z.string().min(1, { error: "is required" }),
  createdAt: instant,
  payload: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }),
});

export type BookingEnvelope = {
  triggerEvent: BookingTriggerEvent;
  createdAt: string;
  payload: BookingPayload;
};

function describeIssue(prefix: string, error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return `${prefix} is invalid`;
  const path = issue.path.map(String).join(".");
  return `${prefix}${path ? `.${path}` : ""} ${issue.message}`;
}

/**
 * `{triggerEvent, createdAt, payload}`. Only the three booking events are read: other Cal.com
 * events (meetings, recordings, forms…) have other payloads and reach this hook only when someone
 * added them to the webhook by hand, which is worth a loud refusal rather than a silent skip.
 */
export function parseBookingEnvelope(
  rawBody: Buffer,
): { ok: true; value: BookingEnvelope } | { ok: false; error: string } {
  const json = parseJsonObjectBody(rawBody);
  if (!json.ok) return json;
  const envelope = ZEnvelope.safeParse(json.value);
  if (!envelope.success) {
    // The usual cause: a custom payload template on the webhook replaces Cal.com's envelope.
    const hint = "expected Cal.com's {triggerEvent, createdAt, payload}; remove any custom payload template";
    return { ok: false, error: `${describeIssue("body", envelope.error)} (${hint})` };
  }
  const { triggerEvent, createdAt, payload } = envelope.data;
  if (!isBookingTriggerEvent(triggerEvent)) {
    return {
      ok: false,
      error: `Cal.com event ${triggerEvent} is not a booking created, rescheduled or cancelled event; remove it from the webhook in Cal.com`,
    };
  }
  const booking = ZBookingPayload.safeParse(payload);
  if (!booking.success) return { ok: false, error: describeIssue(`${triggerEvent} payload`, booking.error) };
  return { ok: true, value: { triggerEvent, createdAt, payload: booking.data } };
}
