import { ConnectorError, defineAction, isJsonObject, type JsonObject } from "@handoff/connector-sdk";
import { z } from "zod";
import { BOOKINGS_API_VERSION_HEADERS, createCalcomClient } from "./client";

export const ZGetBookingProps = z.object({
  uid: z
    .string({ error: "Enter the booking uid" })
    .trim()
    .min(1, { error: "Enter the booking uid" })
    .describe("The booking's uid, e.g. {{trigger.booking.uid}}"),
});

/** A booking as API v2 (`cal-api-version: 2024-08-13`) returns it. */
const sampleOutput: JsonObject = {
  id: 9001,
  uid: "8xKq2mZ7vT4nR9pW3sY6bD",
  title: "Haircut between Marie Dupont and Jane Roe",
  description: "Cut and blow-dry.",
  hosts: [
    {
      id: 1042,
      name: "Marie Dupont",
      email: "marie@salon-lumiere.example",
      username: "salon-lumiere",
      timeZone: "Europe/Paris",
    },
  ],
  status: "accepted",
  start: "2026-11-24T13:00:00.000Z",
  end: "2026-11-24T13:45:00.000Z",
  duration: 45,
  eventTypeId: 501,
  eventType: { id: 501, slug: "haircut" },
  location: "12 Rue des Lilas, 75011 Paris",
  absentHost: false,
  createdAt: "2026-11-20T08:15:42.318Z",
  updatedAt: "2026-11-20T08:15:42.318Z",
  metadata: {},
  attendees: [
    {
      name: "Jane Roe",
      email: "jane.roe@example.com",
      timeZone: "Europe/Paris",
      language: "en",
      absent: false,
      phoneNumber: "+33612345678",
    },
  ],
  bookingFieldsResponses: { name: "Jane Roe", email: "jane.roe@example.com", attendeePhoneNumber: "+33612345678" },
};

export const getBookingAction = defineAction({
  key: "get-booking",
  name: "Get booking",
  description: "Reads one Cal.com booking by its uid: times, status, attendees, event type and answers.",
  props: ZGetBookingProps,
  sideEffect: false,
  sampleOutput,
  async run(ctx): Promise<JsonObject> {
    const client = createCalcomClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    // A missing booking is a final not_found carrying Cal.com's "Booking with uid=… not found".
    const response = await client.request({
      method: "GET",
      path: `/v2/bookings/${encodeURIComponent(ctx.props.uid)}`,
      headers: BOOKINGS_API_VERSION_HEADERS,
    });
    const data = isJsonObject(response.body) ? response.body.data : undefined;
    if (!isJsonObject(data)) {
      throw new ConnectorError({ code: "unknown", message: "Cal.com answered the booking read without a booking" });
    }
    return data;
  },
});
