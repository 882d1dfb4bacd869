import { type CalcomBookingEvent, toBookingEvent } from "./booking-event";
import { type BookingEnvelope, type BookingTriggerEvent, ZBookingPayload } from "./webhook-envelope";

/**
 * What Cal.com (payload version 2021-10-20) sends when Jane Roe books a 45-minute haircut for
 * Tuesday 24 November 2026 at 14:00 Paris time, for the editor's data picker and test runs.
 */
const booked = {
  type: "haircut",
  title: "Haircut between Marie Dupont and Jane Roe",
  description: "Cut and blow-dry.",
  additionalNotes: "",
  customInputs: {},
  startTime: "2026-11-24T13:00:00Z",
  endTime: "2026-11-24T13:45:00Z",
  organizer: {
    id: 1042,
    name: "Marie Dupont",
    email: "marie@salon-lumiere.example",
    username: "salon-lumiere",
    timeZone: "Europe/Paris",
    language: { locale: "fr" },
    timeFormat: "HH:mm",
    utcOffset: 60,
  },
  responses: {
    name: { label: "your_name", value: "Jane Roe", isHidden: false },
    email: { label: "email_address", value: "Jane.Roe@example.com", isHidden: false },
    attendeePhoneNumber: { label: "phone_number", value: "+33612345678", isHidden: false },
  },
  userFieldsResponses: {},
  attendees: [
    {
      email: "Jane.Roe@example.com",
      name: "Jane Roe",
      firstName: "",
      lastName: "",
      timeZone: "Europe/Paris",
      phoneNumber: "+33612345678",
      language: { locale: "en" },
      utcOffset: 60,
    },
  ],
  location: "12 Rue des Lilas, 75011 Paris",
  destinationCalendar: null,
  hideCalendarNotes: false,
  requiresConfirmation: false,
  eventTypeId: 501,
  seatsShowAttendees: true,
  seatsPerTimeSlot: null,
  schedulingType: null,
  iCalUID: "8xKq2mZ7vT4nR9pW3sY6bD@Cal.com",
  iCalSequence: 0,
  uid: "8xKq2mZ7vT4nR9pW3sY6bD",
  bookingId: 9001,
  metadata: {},
  eventTitle: "Haircut",
  eventDescription: "Cut and blow-dry.",
  price: 4500,
  currency: "eur",
  length: 45,
  smsReminderNumber: "+33612345678",
  status: "ACCEPTED",
};

/** Moved to Thursday 10:00: a new booking uid, the old one in `rescheduleUid`. */
const rescheduled = {
  ...booked,
  startTime: "2026-11-26T09:00:00Z",
  endTime: "2026-11-26T09:45:00Z",
  iCalSequence: 1,
  uid: "Fq3LhN8cX2wB7mK5tV9rJe",
  bookingId: 9002,
  rescheduleId: 9001,
  rescheduleUid: "8xKq2mZ7vT4nR9pW3sY6bD",
  rescheduleStartTime: "2026-11-24T13:00:00Z",
  rescheduleEndTime: "2026-11-24T13:45:00Z",
  rescheduledBy: "jane.roe@example.com",
};

const cancelled = {
  ...booked,
  status: "CANCELLED",
  cancelledBy: "jane.roe@example.com",
  cancellationReason: "Something came up at work",
  requestReschedule: false,
};

const PAYLOADS: Record<BookingTriggerEvent, unknown> = {
  BOOKING_CREATED: booked,
  BOOKING_RESCHEDULED: rescheduled,
  BOOKING_CANCELLED: cancelled,
};

/** Built by the same code as real deliveries, so the sample cannot drift from what a run sees. */
export function sampleBookingEvent(triggerEvent: BookingTriggerEvent): CalcomBookingEvent {
  const envelope: BookingEnvelope = {
    triggerEvent,
    createdAt: "2026-11-20T08:15:42.318Z",
    payload: ZBookingPayload.parse(PAYLOADS[triggerEvent]),
  };
  return toBookingEvent(envelope);
}
