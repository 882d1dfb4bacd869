import { randomBytes } from "node:crypto";
import type { SandboxClock } from "../../clock";
import { CALCOM_SANDBOX_EVENT_TYPES, CALCOM_SANDBOX_ORGANIZER, type CalcomEventType } from "./fixtures";
import type { AttendeeRecord, BookingOutcome, BookingRecord, WebhookSubscription } from "./types";

export interface NewBooking {
  eventType: CalcomEventType;
  start: Date;
  attendee: AttendeeRecord;
  guests?: string[];
  location?: string;
  metadata?: Record<string, string>;
  bookingFieldsResponses?: Record<string, unknown>;
}

/** What just happened to a booking, for the outgoing webhooks. */
export type BookingEvent =
  | { trigger: "BOOKING_CREATED"; booking: BookingRecord }
  | { trigger: "BOOKING_RESCHEDULED"; booking: BookingRecord; previous: BookingRecord; rescheduledBy: string }
  | { trigger: "BOOKING_CANCELLED"; booking: BookingRecord; cancelledBy: string };

const FIRST_BOOKING_ID = 9001;
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Cal.com uids are short-uuid translations: 22 base58 characters. */
function newBookingUid(): string {
  return [...randomBytes(22)].map((byte) => BASE58[byte % BASE58.length]).join("");
}

/**
 * The emulator's records and the booking rules both the API and the scripted customer go through:
 * no bookings in the past, no overlap with another live booking, reschedule makes a new booking.
 */
export class CalcomStore {
  bookings: BookingRecord[] = [];
  webhooks: WebhookSubscription[] = [];
  private nextBookingId = FIRST_BOOKING_ID;

  constructor(
    private readonly clock: SandboxClock,
    private readonly emit: (event: BookingEvent) => void,
  ) {}

  reset(): void {
    this.bookings = [];
    this.webhooks = [];
    this.nextBookingId = FIRST_BOOKING_ID;
  }

  eventTypeById(id: number): CalcomEventType | undefined {
    return CALCOM_SANDBOX_EVENT_TYPES.find((eventType) => eventType.id === id);
  }

  /** By slug or (case-insensitive) title, as a customer would name the service. */
  eventTypeByName(name: string): CalcomEventType | undefined {
    const wanted = name.trim().toLowerCase();
    return CALCOM_SANDBOX_EVENT_TYPES.find(
      (eventType) => eventType.slug === wanted || eventType.title.toLowerCase() === wanted,
    );
  }

  findBooking(uid: string): BookingRecord | undefined {
    return this.bookings.find((booking) => booking.uid === uid);
  }

  createBooking(input: NewBooking): BookingOutcome<BookingRecord> {
    const end = new Date(input.start.getTime() + input.eventType.length * 60_000);
    const refused = this.refuseSlot(input.start, end);
    if (refused) return refused;
    const booking = this.insert({
      eventTypeId: input.eventType.id,
      // Cal.com's default event name: "{Event type title} between {Organiser} and {Booker}".
      title: `${input.eventType.title} between ${CALCOM_SANDBOX_ORGANIZER.name} and ${input.attendee.name}`,
      description: input.eventType.description,
      status: input.eventType.requiresConfirmation ? "pending" : "accepted",
      start: input.start,
      end,
      attendees: [input.attendee],
      guests: input.guests ?? [],
      location: input.location ?? input.eventType.location,
      metadata: input.metadata ?? {},
      bookingFieldsResponses: input.bookingFieldsResponses ?? {},
    });
    this.emit({ trigger: "BOOKING_CREATED", booking });
    return { ok: true, value: booking };
  }

  rescheduleBooking(
    uid: string,
    change: { start: Date; reason?: string; rescheduledBy?: string },
  ): BookingOutcome<BookingRecord> {
    const previous = this.findBooking(uid);
    if (!previous) return notFound(uid);
    if (previous.status === "cancelled" || previous.status === "rejected")
      return {
        ok: false,
        refusal: { kind: "conflict", message: `Booking with uid=${uid} is cancelled and can't be rescheduled` },
      };
    const end = new Date(change.start.getTime() + (previous.end.getTime() - previous.start.getTime()));
    const refused = this.refuseSlot(change.start, end, previous.uid);
    if (refused) return refused;
    const rescheduledBy = change.rescheduledBy ?? previous.attendees[0]?.email ?? "";
    const booking = this.insert({
      ...pickCopied(previous),
      status: "accepted",
      start: change.start,
      end,
      iCalUID: previous.iCalUID,
      iCalSequence: previous.iCalSequence + 1,
      rescheduledFromUid: previous.uid,
      reschedulingReason: change.reason,
      rescheduledByEmail: rescheduledBy,
    });
    // Cal.com keeps the old booking as a cancelled record pointing at its replacement.
    previous.status = "cancelled";
    previous.rescheduledToUid = booking.uid;
    previous.rescheduledByEmail = rescheduledBy;
    previous.updatedAt = this.clock.now();
    this.emit({ trigger: "BOOKING_RESCHEDULED", booking, previous, rescheduledBy });
    return { ok: true, value: booking };
  }

  cancelBooking(uid: string, change: { reason?: string; cancelledBy?: string }): BookingOutcome<BookingRecord> {
    const booking = this.findBooking(uid);
    if (!booking) return notFound(uid);
    if (booking.status === "cancelled")
      return { ok: false, refusal: { kind: "conflict", message: "This booking has already been cancelled." } };
    const cancelledBy = change.cancelledBy ?? booking.attendees[0]?.email ?? "";
    booking.status = "cancelled";
    booking.cancellationReason = change.reason;
    booking.cancelledByEmail = cancelledBy;
    booking.updatedAt = this.clock.now();
    this.emit({ trigger: "BOOKING_CANCELLED", booking, cancelledBy });
    return { ok: true, value: booking };
  }

  private refuseSlot(start: Date, end: Date, ignoreUid?: string): BookingOutcome<never> | undefined {
    if (start.getTime() < this.clock.nowMs())
      return { ok: false, refusal: { kind: "invalid", message: "Attempting to book a meeting in the past." } };
    const overlapping = this.bookings.some(
      (booking) =>
        booking.uid !== ignoreUid &&
        (booking.status === "accepted" || booking.status === "pending") &&
        booking.start < end &&
        start < booking.end,
    );
    if (overlapping)
      return {
        ok: false,
        refusal: { kind: "conflict", message: "User either already has booking at this time or is not available" },
      };
    return undefined;
  }

  private insert(draft: BookingDraft): BookingRecord {
    const now = this.clock.now();
    const uid = newBookingUid();
    const booking: BookingRecord = {
      id: this.nextBookingId++,
      uid,
      iCalUID: `${uid}@Cal.com`,
      iCalSequence: 0,
      createdAt: now,
      updatedAt: now,
      ...draft,
    };
    this.bookings.push(booking);
    return booking;
  }
}

type BookingDraft = Omit<BookingRecord, "id" | "uid" | "iCalUID" | "iCalSequence" | "createdAt" | "updatedAt"> &
  Partial<Pick<BookingRecord, "iCalUID" | "iCalSequence">>;

/** What a rescheduled booking carries over from the one it replaces. */
function pickCopied(previous: BookingRecord) {
  const { eventTypeId, title, description, attendees, guests, location, metadata, bookingFieldsResponses } = previous;
  return { eventTypeId, title, description, attendees, guests, location, metadata, bookingFieldsResponses };
}

function notFound(uid: string): BookingOutcome<never> {
  return { ok: false, refusal: { kind: "not-found", message: `Booking with uid=${uid} not found` } };
}
