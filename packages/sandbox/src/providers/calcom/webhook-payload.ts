import { CALCOM_SANDBOX_ORGANIZER } from "./fixtures";
import type { BookingEvent, CalcomStore } from "./store";
import { toUtcSeconds, utcOffsetMinutes } from "./time";
import type { BookingRecord, BookingStatus } from "./types";

const WEBHOOK_STATUS: Record<BookingStatus, string> = {
  accepted: "ACCEPTED",
  cancelled: "CANCELLED",
  rejected: "REJECTED",
  pending: "PENDING",
};

/**
 * The body Cal.com POSTs for a booking trigger, payload version 2021-10-20: the CalendarEvent
 * spread (organizer, attendees with `utcOffset`, responses…), the event type's price and length,
 * an upper-case `status`, then the trigger's extra fields.
 */
export function buildBookingWebhookBody(store: CalcomStore, event: BookingEvent, createdAt: Date): string {
  const extra = triggerExtras(event);
  const status = event.trigger === "BOOKING_CANCELLED" ? "CANCELLED" : WEBHOOK_STATUS[event.booking.status];
  return JSON.stringify({
    triggerEvent: event.trigger,
    createdAt: createdAt.toISOString(),
    payload: { ...calendarEvent(store, event.booking), status, ...extra },
  });
}

function triggerExtras(event: BookingEvent): Record<string, unknown> {
  switch (event.trigger) {
    case "BOOKING_CREATED":
      return {};
    case "BOOKING_RESCHEDULED":
      return {
        rescheduleId: event.previous.id,
        rescheduleUid: event.previous.uid,
        rescheduleStartTime: toUtcSeconds(event.previous.start),
        rescheduleEndTime: toUtcSeconds(event.previous.end),
        rescheduledBy: event.rescheduledBy,
      };
    case "BOOKING_CANCELLED":
      return {
        cancelledBy: event.cancelledBy,
        cancellationReason: event.booking.cancellationReason ?? "",
        requestReschedule: false,
      };
  }
}

function calendarEvent(store: CalcomStore, booking: BookingRecord) {
  const eventType = store.eventTypeById(booking.eventTypeId);
  const organizer = CALCOM_SANDBOX_ORGANIZER;
  const [booker] = booking.attendees;
  return {
    type: eventType?.slug ?? "",
    title: booking.title,
    description: eventType?.description ?? "",
    additionalNotes: "",
    customInputs: {},
    startTime: toUtcSeconds(booking.start),
    endTime: toUtcSeconds(booking.end),
    organizer: {
      id: organizer.id,
      name: organizer.name,
      email: organizer.email,
      username: organizer.username,
      timeZone: organizer.timeZone,
      language: { locale: organizer.locale },
      timeFormat: organizer.timeFormat,
      utcOffset: utcOffsetMinutes(organizer.timeZone, booking.start),
    },
    responses: {
      name: { label: "your_name", value: booker?.name ?? "", isHidden: false },
      email: { label: "email_address", value: booker?.email ?? "", isHidden: false },
      location: { label: "location", value: { optionValue: booking.location, value: "inPerson" }, isHidden: false },
      ...(booker?.phoneNumber
        ? { attendeePhoneNumber: { label: "phone_number", value: booker.phoneNumber, isHidden: false } }
        : {}),
      ...(booking.guests.length > 0
        ? { guests: { label: "additional_guests", value: booking.guests, isHidden: false } }
        : {}),
    },
    userFieldsResponses: {},
    attendees: booking.attendees.map((person) => ({
      email: person.email,
      name: person.name,
      // Cal.com fills these only when the booker's name field is split; API v2 sends a plain name.
      firstName: "",
      lastName: "",
      timeZone: person.timeZone,
      ...(person.phoneNumber ? { phoneNumber: person.phoneNumber } : {}),
      language: { locale: person.language },
      utcOffset: utcOffsetMinutes(person.timeZone, booking.start),
    })),
    location: booking.location,
    destinationCalendar: null,
    hideCalendarNotes: false,
    requiresConfirmation: eventType?.requiresConfirmation ?? false,
    eventTypeId: booking.eventTypeId,
    seatsShowAttendees: true,
    seatsPerTimeSlot: null,
    schedulingType: null,
    iCalUID: booking.iCalUID,
    iCalSequence: booking.iCalSequence,
    uid: booking.uid,
    bookingId: booking.id,
    metadata: booking.metadata,
    eventTitle: eventType?.title ?? "",
    eventDescription: eventType?.description ?? "",
    price: eventType?.price ?? 0,
    currency: eventType?.currency ?? "usd",
    length: eventType?.length ?? 0,
    ...(booker?.phoneNumber ? { smsReminderNumber: booker.phoneNumber } : {}),
  };
}
