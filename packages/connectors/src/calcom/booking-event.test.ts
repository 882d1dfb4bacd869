import { describe, expect, it } from "vitest";
import { bookingCancelledTrigger } from "./booking-cancelled";
import { bookingCreatedTrigger } from "./booking-created";
import type { CalcomBookingEvent } from "./booking-event";
import { bookingRescheduledTrigger } from "./booking-rescheduled";
import { toLocalIso, toShortLocal } from "./local-time";

const basePayload = {
  uid: "bk_new",
  bookingId: 9002,
  type: "colour",
  title: "Colour between Marie Dupont and Jane Roe",
  eventTitle: "Colour",
  eventTypeId: 502,
  startTime: "2026-07-14T12:30:00Z",
  endTime: "2026-07-14T14:00:00Z",
  length: 90,
  organizer: { name: "Marie Dupont", email: "Marie@Salon.example", timeZone: "Europe/Paris" },
  attendees: [{ name: "  Jane  Ann Roe ", email: " Jane.Roe@Example.COM ", timeZone: "America/New_York" }],
  location: "12 Rue des Lilas",
  status: "ACCEPTED",
  price: 8550,
  currency: "eur",
  responses: { attendeePhoneNumber: { label: "phone_number", value: "+1 212 555 0199" } },
  customField: { kept: true },
};

function body(triggerEvent: string, payload: Record<string, unknown> = {}, createdAt = "2026-07-01T09:00:00.000Z") {
  return Buffer.from(JSON.stringify({ triggerEvent, createdAt, payload: { ...basePayload, ...payload } }));
}

function parsed(trigger = bookingCreatedTrigger, raw = body("BOOKING_CREATED")): CalcomBookingEvent {
  const result = trigger.parse(raw, {});
  if (!result.ok) throw new Error(result.error);
  return result.payload;
}

describe("booking payload: neutral context", () => {
  it("keeps Cal.com's fields and adds the booking and the customer in the attendee's time zone", () => {
    const event = parsed();
    expect(event).toMatchObject({ uid: "bk_new", customField: { kept: true }, price: 8550, status: "ACCEPTED" });
    expect(event.triggerEvent).toBe("BOOKING_CREATED");
    expect(event.lifecycle).toBe("booked");
    expect(event.booking).toEqual({
      uid: "bk_new",
      previousUid: null,
      title: "Colour between Marie Dupont and Jane Roe",
      service: "Colour",
      eventTypeId: 502,
      eventTypeSlug: "colour",
      start: "2026-07-14T12:30:00.000Z",
      end: "2026-07-14T14:00:00.000Z",
      durationMinutes: 90,
      timeZone: "America/New_York",
      startLocal: "2026-07-14T08:30:00-04:00",
      endLocal: "2026-07-14T10:00:00-04:00",
      previousStart: null,
      organizer: { name: "Marie Dupont", email: "marie@salon.example", timeZone: "Europe/Paris" },
      location: "12 Rue des Lilas",
      status: "accepted",
      cancellationReason: null,
      price: 85.5,
      priceMinorUnits: 8550,
      currency: "EUR",
    });
    expect(event.customer).toEqual({
      name: "Jane Ann Roe",
      firstName: "Jane",
      lastName: "Ann Roe",
      email: "jane.roe@example.com",
      phone: "+1 212 555 0199",
      timeZone: "America/New_York",
    });
  });

  it("uses the organizer's zone when the attendee's is unknown, and split names when Cal.com sends them", () => {
    const event = parsed(
      bookingCreatedTrigger,
      body("BOOKING_CREATED", {
        attendees: [{ name: "Jo", email: "jo@x.example", firstName: "Jo", lastName: "Li", timeZone: "Mars/Base" }],
        responses: null,
        smsReminderNumber: "+33612345678",
        currency: "jpy",
        price: 5000,
      }),
    );
    expect(event.booking.timeZone).toBe("Europe/Paris");
    expect(event.booking.startLocal).toBe("2026-07-14T14:30:00+02:00");
    expect(event.customer).toMatchObject({ firstName: "Jo", lastName: "Li", phone: "+33612345678" });
    expect(event.booking).toMatchObject({ price: 5000, currency: "JPY" });
  });

  it("carries the replaced booking on reschedules and the reason on cancellations", () => {
    const moved = parsed(
      bookingRescheduledTrigger,
      body("BOOKING_RESCHEDULED", { rescheduleUid: "bk_old", rescheduleStartTime: "2026-07-13T12:30:00Z" }),
    );
    expect(moved.lifecycle).toBe("rescheduled");
    expect(moved.booking).toMatchObject({
      uid: "bk_new",
      previousUid: "bk_old",
      previousStart: "2026-07-13T12:30:00.000Z",
    });
    expect(bookingRescheduledTrigger.summary?.(moved)).toBe(
      "Rescheduled: Jane Ann Roe, Tue 08:30 America/New_York (was Mon 08:30)",
    );
    const canceled = parsed(
      bookingCancelledTrigger,
      body("BOOKING_CANCELLED", { status: "CANCELLED", cancellationReason: "Sick" }),
    );
    expect(canceled.lifecycle).toBe("canceled");
    expect(canceled.booking).toMatchObject({ status: "cancelled", cancellationReason: "Sick", previousUid: null });
    expect(bookingCancelledTrigger.summary?.(canceled)).toBe("Canceled: Jane Ann Roe, Tue 08:30 America/New_York");
  });

  it("formats local times with the zone's offset on each side of a DST change", () => {
    expect(toLocalIso(new Date("2026-11-24T13:00:00Z"), "Europe/Paris")).toBe("2026-11-24T14:00:00+01:00");
    expect(toLocalIso(new Date("2026-03-29T01:30:00Z"), "Europe/Paris")).toBe("2026-03-29T03:30:00+02:00");
    expect(toLocalIso(new Date("2026-01-01T00:00:00Z"), "UTC")).toBe("2026-01-01T00:00:00+00:00");
    expect(toLocalIso(new Date("2026-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("2026-01-01T05:45:00+05:45");
    expect(toShortLocal(new Date("2026-11-23T23:30:00Z"), "Europe/Paris")).toBe("Tue 00:30");
  });
});

describe("booking triggers: keys, matching and refusals", () => {
  it("derives the event id, event time, summary and business keys", () => {
    const event = parsed();
    expect(bookingCreatedTrigger.eventId(event, {})).toBe("BOOKING_CREATED:bk_new:2026-07-01T09:00:00.000Z");
    expect(bookingCreatedTrigger.eventTime(event)?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(bookingCreatedTrigger.summary?.(event)).toBe("Booking: Jane Ann Roe, Tue 08:30 America/New_York");
    expect(bookingCreatedTrigger.businessKeys?.(event)).toEqual(["bk_new", "jane.roe@example.com", "+12125550199"]);
    const moved = parsed(bookingRescheduledTrigger, body("BOOKING_RESCHEDULED", { rescheduleUid: "bk_old" }));
    expect(bookingRescheduledTrigger.businessKeys?.(moved)).toEqual([
      "bk_new",
      "bk_old",
      "jane.roe@example.com",
      "+12125550199",
    ]);
  });

  it("records another booking event without running it, and filters on the event type slug", () => {
    const canceled = parsed(bookingCreatedTrigger, body("BOOKING_CANCELLED"));
    expect(canceled.lifecycle).toBe("canceled");
    expect(bookingCreatedTrigger.matches?.(canceled, {})).toBe(false);
    expect(bookingCancelledTrigger.matches?.(canceled, {})).toBe(true);
    const created = parsed();
    expect(bookingCreatedTrigger.matches?.(created, {})).toBe(true);
    expect(bookingCreatedTrigger.matches?.(created, { eventTypeSlug: "" })).toBe(true);
    expect(bookingCreatedTrigger.matches?.(created, { eventTypeSlug: " Colour " })).toBe(true);
    expect(bookingCreatedTrigger.matches?.(created, { eventTypeSlug: "haircut" })).toBe(false);
  });

  it("refuses bodies that are not a Cal.com booking delivery, saying why", () => {
    const refuse = (raw: string | Buffer) => {
      const result = bookingCreatedTrigger.parse(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), {});
      return result.ok ? "accepted" : result.error;
    };
    expect(refuse("name=Jane")).toMatch(/^body is not valid JSON/);
    expect(refuse('{"name":"Jane"}')).toMatch(/^body\.triggerEvent .*remove any custom payload template/);
    expect(refuse(body("MEETING_ENDED"))).toMatch(/MEETING_ENDED is not a booking .* event/);
    expect(refuse(body("BOOKING_CREATED", { attendees: [] }))).toBe(
      "BOOKING_CREATED payload.attendees has no attendee",
    );
    expect(refuse(body("BOOKING_CREATED", { startTime: "tomorrow" }))).toBe(
      "BOOKING_CREATED payload.startTime must be an ISO 8601 date-time",
    );
    expect(refuse(body("BOOKING_CREATED", {}, "yesterday"))).toMatch(/^body\.createdAt must be an ISO 8601/);
  });

  it("offers a realistic sample per trigger, built like a real delivery", () => {
    expect(bookingCreatedTrigger.sample).toMatchObject({
      lifecycle: "booked",
      booking: { startLocal: "2026-11-24T14:00:00+01:00", service: "Haircut", durationMinutes: 45, price: 45 },
      customer: { name: "Jane Roe", email: "jane.roe@example.com", phone: "+33612345678" },
    });
    expect(bookingCreatedTrigger.summary?.(bookingCreatedTrigger.sample as CalcomBookingEvent)).toBe(
      "Booking: Jane Roe, Tue 14:00 Europe/Paris",
    );
    expect(bookingRescheduledTrigger.sample?.booking.previousUid).toBe("8xKq2mZ7vT4nR9pW3sY6bD");
    expect(bookingCancelledTrigger.sample?.booking.cancellationReason).toBe("Something came up at work");
  });
});
