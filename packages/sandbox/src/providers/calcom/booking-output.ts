import { CALCOM_SANDBOX_ORGANIZER } from "./fixtures";
import type { CalcomStore } from "./store";
import type { BookingRecord } from "./types";

/**
 * A booking as API v2 (`cal-api-version: 2024-08-13`) returns it (`BookingOutput_2024_08_13`):
 * lower-case `status`, ISO instants with milliseconds, optional fields left out when unset.
 */
export function toBookingOutput(store: CalcomStore, booking: BookingRecord) {
  const eventType = store.eventTypeById(booking.eventTypeId);
  const [attendee] = booking.attendees;
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description,
    hosts: [
      {
        id: CALCOM_SANDBOX_ORGANIZER.id,
        name: CALCOM_SANDBOX_ORGANIZER.name,
        email: CALCOM_SANDBOX_ORGANIZER.email,
        displayEmail: CALCOM_SANDBOX_ORGANIZER.email,
        username: CALCOM_SANDBOX_ORGANIZER.username,
        timeZone: CALCOM_SANDBOX_ORGANIZER.timeZone,
      },
    ],
    status: booking.status,
    ...optional("cancellationReason", booking.cancellationReason),
    ...optional("cancelledByEmail", booking.cancelledByEmail),
    ...optional("reschedulingReason", booking.reschedulingReason),
    ...optional("rescheduledByEmail", booking.rescheduledByEmail),
    ...optional("rescheduledFromUid", booking.rescheduledFromUid),
    ...optional("rescheduledToUid", booking.rescheduledToUid),
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    duration: Math.round((booking.end.getTime() - booking.start.getTime()) / 60_000),
    eventTypeId: booking.eventTypeId,
    eventType: { id: booking.eventTypeId, slug: eventType?.slug ?? "" },
    location: booking.location,
    absentHost: false,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
    metadata: booking.metadata,
    icsUid: booking.iCalUID,
    attendees: booking.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      displayEmail: person.email,
      timeZone: person.timeZone,
      language: person.language,
      absent: false,
      ...optional("phoneNumber", person.phoneNumber),
    })),
    ...(booking.guests.length > 0 ? { guests: booking.guests } : {}),
    bookingFieldsResponses: {
      name: attendee?.name,
      email: attendee?.email,
      ...optional("attendeePhoneNumber", attendee?.phoneNumber),
      ...(booking.guests.length > 0 ? { guests: booking.guests } : {}),
      ...booking.bookingFieldsResponses,
    },
  };
}

export type BookingOutput = ReturnType<typeof toBookingOutput>;

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
