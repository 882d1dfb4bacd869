import { type Lifecycle, normalizeEmail, normalizePhone, truncateText } from "@handoff/connector-sdk";
import { isKnownTimeZone, toLocalIso, toShortLocal } from "./local-time";
import {
  BOOKING_TRIGGER_LIFECYCLES,
  type BookingEnvelope,
  type BookingPayload,
  type BookingTriggerEvent,
} from "./webhook-envelope";

/** The appointment in provider-neutral terms, the same whichever scheduler sent it. */
export type BookingContext = {
  uid: string;
  /** The booking this one replaces (Cal.com's `rescheduleUid`), on reschedules. */
  previousUid: string | null;
  title: string;
  /** The service booked: the event type's title. */
  service: string;
  eventTypeId: number | null;
  eventTypeSlug: string | null;
  /** ISO instants in UTC. */
  start: string;
  end: string;
  durationMinutes: number;
  /** The customer's IANA time zone, which `startLocal`/`endLocal` are in. */
  timeZone: string;
  startLocal: string;
  endLocal: string;
  /** Where the old slot started, on reschedules. */
  previousStart: string | null;
  organizer: { name: string | null; email: string | null; timeZone: string | null };
  location: string | null;
  /** Cal.com's status, lower-cased: accepted, pending, cancelled, rejected. */
  status: string | null;
  cancellationReason: string | null;
  /** In major units (45.5), for invoice lines; `priceMinorUnits` is Cal.com's own figure (4550). */
  price: number | null;
  priceMinorUnits: number | null;
  /** ISO 4217, upper-case. */
  currency: string | null;
};

export type BookingCustomer = {
  name: string;
  firstName: string;
  lastName: string;
  /** Lower-cased and trimmed: the identity key. */
  email: string;
  phone: string | null;
  timeZone: string;
};

/** What a booking trigger emits: Cal.com's payload fields, then the neutral context. */
export type CalcomBookingEvent = {
  readonly [providerField: string]: unknown;
  triggerEvent: BookingTriggerEvent;
  createdAt: string;
  lifecycle: Lifecycle;
  booking: BookingContext;
  customer: BookingCustomer;
};

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The phone the booker typed: the attendee's own, else the phone booking field, else the SMS reminder number. */
function phoneOf(payload: BookingPayload): string | null {
  const [attendee] = payload.attendees;
  const answered = payload.responses?.attendeePhoneNumber?.value;
  return (
    text(attendee?.phoneNumber) ??
    (typeof answered === "string" ? text(answered) : null) ??
    text(payload.smsReminderNumber)
  );
}

/** Cal.com fills firstName/lastName only when the booking form splits the name; otherwise split it here. */
function nameParts(name: string, firstName: string | null, lastName: string | null) {
  if (firstName || lastName) return { firstName: firstName ?? "", lastName: lastName ?? "" };
  const [first = "", ...rest] = name.split(/\s+/).filter(Boolean);
  return { firstName: first, lastName: rest.join(" ") };
}

/** Minor units → major, with the currency's own exponent (JPY has none). */
function toMajorUnits(minor: number, currency: string): number {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code keeps the common two decimals rather than dropping the price.
  }
  return Math.round(minor) / 10 ** digits;
}

function customerOf(payload: BookingPayload, timeZone: string): BookingCustomer {
  const [attendee] = payload.attendees;
  // Booking forms keep whatever spacing the customer typed; CRMs and invoices should not.
  const name = text(attendee?.name)?.replace(/\s+/g, " ") ?? "";
  return {
    name,
    ...nameParts(name, text(attendee?.firstName), text(attendee?.lastName)),
    email: normalizeEmail(attendee?.email) ?? "",
    phone: phoneOf(payload),
    timeZone,
  };
}

function bookingOf(envelope: BookingEnvelope, timeZone: string): BookingContext {
  const { payload } = envelope;
  const start = new Date(payload.startTime);
  const end = new Date(payload.endTime);
  const currency = text(payload.currency)?.toUpperCase() ?? null;
  const minor = payload.price ?? null;
  const previousStart = text(payload.rescheduleStartTime);
  return {
    uid: payload.uid,
    previousUid: envelope.triggerEvent === "BOOKING_RESCHEDULED" ? text(payload.rescheduleUid) : null,
    title: text(payload.title) ?? "",
    service: text(payload.eventTitle) ?? text(payload.type) ?? text(payload.title) ?? "",
    eventTypeId: payload.eventTypeId ?? null,
    eventTypeSlug: text(payload.type),
    start: start.toISOString(),
    end: end.toISOString(),
    durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
    timeZone,
    startLocal: toLocalIso(start, timeZone),
    endLocal: toLocalIso(end, timeZone),
    previousStart:
      previousStart && !Number.isNaN(Date.parse(previousStart)) ? new Date(previousStart).toISOString() : null,
    organizer: {
      name: text(payload.organizer?.name),
      email: normalizeEmail(payload.organizer?.email ?? undefined) ?? null,
      timeZone: text(payload.organizer?.timeZone),
    },
    location: text(payload.location),
    status: text(payload.status)?.toLowerCase() ?? null,
    cancellationReason: envelope.triggerEvent === "BOOKING_CANCELLED" ? text(payload.cancellationReason) : null,
    price: minor !== null && currency ? toMajorUnits(minor, currency) : null,
    priceMinorUnits: minor,
    currency,
  };
}

/**
 * The attendee's zone (what "14:00" means to the customer), else the organizer's, else UTC: a
 * zone the runtime does not know would make every local time wrong rather than missing.
 */
function customerTimeZone(payload: BookingPayload): string {
  const candidates = [payload.attendees[0]?.timeZone, payload.organizer?.timeZone];
  return candidates.find(isKnownTimeZone) ?? "UTC";
}

export function toBookingEvent(envelope: BookingEnvelope): CalcomBookingEvent {
  const timeZone = customerTimeZone(envelope.payload);
  return {
    ...envelope.payload,
    triggerEvent: envelope.triggerEvent,
    createdAt: envelope.createdAt,
    lifecycle: BOOKING_TRIGGER_LIFECYCLES[envelope.triggerEvent],
    booking: bookingOf(envelope, timeZone),
    customer: customerOf(envelope.payload, timeZone),
  };
}

const SUMMARY_PREFIX: Record<BookingTriggerEvent, string> = {
  BOOKING_CREATED: "Booking",
  BOOKING_RESCHEDULED: "Rescheduled",
  BOOKING_CANCELLED: "Canceled",
};

/** "Booking: Jane Roe, Tue 14:00 Europe/Paris", in the customer's zone. */
export function summarizeBookingEvent(event: CalcomBookingEvent): string {
  const { booking, customer } = event;
  const who = customer.name || customer.email;
  const when = `${toShortLocal(new Date(booking.start), booking.timeZone)} ${booking.timeZone}`;
  const was =
    event.triggerEvent === "BOOKING_RESCHEDULED" && booking.previousStart
      ? ` (was ${toShortLocal(new Date(booking.previousStart), booking.timeZone)})`
      : "";
  return truncateText(`${SUMMARY_PREFIX[event.triggerEvent]}: ${who}, ${when}${was}`, 200);
}

/** Booking uids (new and replaced), the e-mail lower-cased and the phone in E.164 when it parses. */
export function bookingBusinessKeys(event: CalcomBookingEvent): string[] {
  const { booking, customer } = event;
  const phone = customer.phone ? (normalizePhone(customer.phone) ?? customer.phone) : null;
  const keys = [booking.uid, booking.previousUid, customer.email, phone];
  return [...new Set(keys.filter((key): key is string => typeof key === "string" && key !== ""))];
}
