import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../server";
import { CALCOM_SANDBOX_ORGANIZER } from "./fixtures";
import { booker, callCalcom, hoursFromNow, startCalcom } from "./test-support";

describe("calcom sandbox: API v2 bookings", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startCalcom();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const book = (start: string, overrides: Record<string, unknown> = {}) =>
    callCalcom(sandbox, "/v2/bookings", { body: { start, eventTypeId: 501, attendee: booker, ...overrides } });

  describe("auth and version", () => {
    it("answers 401 with the v2 envelope when the key is missing, unknown or not an API key", async () => {
      const missing = await callCalcom(sandbox, "/v2/bookings", { key: null });
      expect(missing.status).toBe(401);
      expect(missing.body).toMatchObject({
        status: "error",
        path: "/v2/bookings",
        error: { code: "UnauthorizedException", message: expect.stringContaining("No authentication method provided") },
      });
      expect(Date.parse(missing.body.timestamp)).not.toBeNaN();
      const wrongKey = await callCalcom(sandbox, "/v2/bookings?take=1", { key: "cal_live_nope" });
      expect(wrongKey.status).toBe(401);
      expect(wrongKey.body.path).toBe("/v2/bookings?take=1");
      expect(wrongKey.body.error.message).toBe("ApiAuthStrategy - api key - Your api key is not valid");
      const notAKey = await callCalcom(sandbox, "/v2/bookings", { key: "some-token" });
      expect(notAKey.body.error.message).toBe("ApiAuthStrategy - access token - Invalid Access Token");
    });

    it("refuses bookings calls without a known cal-api-version, naming the header", async () => {
      const missing = await callCalcom(sandbox, "/v2/bookings", { version: null });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({ code: "BadRequestException" });
      expect(missing.body.error.message).toContain("cal-api-version");
      const old = await callCalcom(sandbox, "/v2/bookings", { version: "2024-04-15" });
      expect(old.status).toBe(400);
      expect(old.body.error.message).toContain('"2024-04-15"');
      expect((await callCalcom(sandbox, "/v2/bookings", { version: "2026-02-25" })).status).toBe(200);
    });

    it("answers unknown routes with a NotFoundException", async () => {
      const response = await callCalcom(sandbox, "/v2/nothing-here");
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: "NotFoundException", message: "Cannot GET /v2/nothing-here" });
    });
  });

  describe("create", () => {
    it("creates a booking with the documented shape", async () => {
      const start = hoursFromNow(sandbox, 24);
      const response = await book(start, { metadata: { source: "handoff" } });
      expect(response.status).toBe(201);
      expect(response.body.status).toBe("success");
      const booking = response.body.data;
      expect(booking).toMatchObject({
        id: expect.any(Number),
        uid: expect.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{22}$/),
        title: `Haircut between ${CALCOM_SANDBOX_ORGANIZER.name} and Jane Doe`,
        status: "accepted",
        start,
        end: new Date(Date.parse(start) + 45 * 60_000).toISOString(),
        duration: 45,
        eventTypeId: 501,
        eventType: { id: 501, slug: "haircut" },
        hosts: [{ id: CALCOM_SANDBOX_ORGANIZER.id, email: CALCOM_SANDBOX_ORGANIZER.email, timeZone: "Europe/Paris" }],
        attendees: [{ name: "Jane Doe", email: "jane@example.com", timeZone: "Europe/London", absent: false }],
        metadata: { source: "handoff" },
        absentHost: false,
      });
      expect(booking.rescheduledFromUid).toBeUndefined();
    });

    it("books by eventTypeSlug + username, and 404s an unknown event type", async () => {
      const bySlug = await callCalcom(sandbox, "/v2/bookings", {
        body: {
          start: hoursFromNow(sandbox, 30),
          eventTypeSlug: "colour",
          username: "salon-lumiere",
          attendee: booker,
        },
      });
      expect(bySlug.status).toBe(201);
      expect(bySlug.body.data).toMatchObject({ eventType: { id: 502, slug: "colour" }, duration: 90 });
      const unknownId = await book(hoursFromNow(sandbox, 30), { eventTypeId: 999 });
      expect(unknownId.status).toBe(404);
      expect(unknownId.body.error).toMatchObject({
        code: "NotFoundException",
        message: "Event type with id 999 not found.",
      });
      const unknownUser = await callCalcom(sandbox, "/v2/bookings", {
        body: { start: hoursFromNow(sandbox, 30), eventTypeSlug: "colour", username: "someone", attendee: booker },
      });
      expect(unknownUser.status).toBe(404);
    });

    it.each([
      [{ start: "tomorrow at ten" }, "start must be a valid ISO 8601 date string"],
      [{ attendee: { ...booker, email: "not-an-email" } }, "attendee.email must be an email"],
      [{ attendee: { ...booker, timeZone: "Mars/Olympus" } }, "attendee.timeZone must be a valid IANA time-zone"],
      [{ attendee: { email: booker.email, timeZone: booker.timeZone } }, "attendee.name must be a string"],
      [{ eventTypeId: undefined }, "Either eventTypeId or eventTypeSlug + username"],
      [{ lengthInMinutes: 60 }, "Can't specify 'lengthInMinutes'"],
    ])("answers 400 for an invalid body %j", async (overrides, message) => {
      const response = await book(hoursFromNow(sandbox, 24), overrides);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("BadRequestException");
      expect(response.body.error.message).toContain(message);
      expect(sandbox.providers.get("calcom")?.state()).toMatchObject({ bookings: [] });
    });

    it("refuses a taken slot and a time in the past with Cal.com's messages", async () => {
      const start = hoursFromNow(sandbox, 24);
      expect((await book(start)).status).toBe(201);
      const overlap = await book(new Date(Date.parse(start) + 30 * 60_000).toISOString(), { eventTypeId: 503 });
      expect(overlap.status).toBe(400);
      expect(overlap.body.error.message).toBe("User either already has booking at this time or is not available");
      const past = await book(hoursFromNow(sandbox, -2));
      expect(past.status).toBe(400);
      expect(past.body.error.message).toBe("Attempting to book a meeting in the past.");
    });
  });

  describe("read", () => {
    it("gets a booking by uid and 404s an unknown one", async () => {
      const created = await book(hoursFromNow(sandbox, 24));
      const found = await callCalcom(sandbox, `/v2/bookings/${created.body.data.uid}`);
      expect(found.status).toBe(200);
      expect(found.body.data).toEqual(created.body.data);
      const missing = await callCalcom(sandbox, "/v2/bookings/nope");
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        status: "error",
        path: "/v2/bookings/nope",
        error: { code: "NotFoundException", message: "Booking with uid=nope not found" },
      });
    });

    it("pages with take/skip and reports Cal.com's pagination object", async () => {
      for (let hour = 24; hour < 24 + 5; hour += 1) expect((await book(hoursFromNow(sandbox, hour))).status).toBe(201);
      const first = await callCalcom(sandbox, "/v2/bookings?take=2");
      expect(first.body.data).toHaveLength(2);
      expect(first.body.pagination).toEqual({
        returnedItems: 2,
        totalItems: 5,
        itemsPerPage: 2,
        remainingItems: 3,
        currentPage: 1,
        totalPages: 3,
        hasNextPage: true,
        hasPreviousPage: false,
      });
      const last = await callCalcom(sandbox, "/v2/bookings?take=2&skip=4");
      expect(last.body.data).toHaveLength(1);
      expect(last.body.pagination).toMatchObject({
        returnedItems: 1,
        remainingItems: 0,
        currentPage: 3,
        hasNextPage: false,
      });
      const exact = await callCalcom(sandbox, "/v2/bookings?take=5");
      expect(exact.body.pagination).toMatchObject({ returnedItems: 5, totalPages: 1, hasNextPage: false });
      const beyond = await callCalcom(sandbox, "/v2/bookings?take=2&skip=10");
      expect(beyond.body.data).toEqual([]);
      expect(beyond.body.pagination).toMatchObject({ returnedItems: 0, currentPage: 3, hasPreviousPage: true });
      const starts = (await callCalcom(sandbox, "/v2/bookings")).body.data.map(
        (booking: { start: string }) => booking.start,
      );
      expect(starts).toEqual([...starts].sort());
      const descending = await callCalcom(sandbox, "/v2/bookings?sortStart=desc");
      expect(descending.body.data.map((booking: { start: string }) => booking.start)).toEqual([...starts].reverse());
      expect((await callCalcom(sandbox, "/v2/bookings")).body.pagination.itemsPerPage).toBe(100);
    });

    it.each([
      ["take=251", "take must not be greater than 250"],
      ["take=0", "take must not be less than 1"],
      ["skip=-1", "skip must not be less than 0"],
      ["status=later", "Invalid status"],
      ["afterStart=yesterday", "fromDate must be a valid ISO 8601 date."],
      ["sortStart=up", 'SortStart must be either "asc" or "desc".'],
    ])("answers 400 for the query %s", async (query, message) => {
      const response = await callCalcom(sandbox, `/v2/bookings?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    });

    it("filters by status, attendee e-mail, event type and dates", async () => {
      const early = await book(hoursFromNow(sandbox, 24));
      const other = await book(hoursFromNow(sandbox, 48), {
        eventTypeId: 502,
        attendee: { ...booker, email: "paul+salon@example.com" },
      });
      await callCalcom(sandbox, `/v2/bookings/${early.body.data.uid}/cancel`, { body: {} });
      const uids = async (query: string) =>
        (await callCalcom(sandbox, `/v2/bookings?${query}`)).body.data.map((booking: { uid: string }) => booking.uid);
      expect(await uids("status=upcoming")).toEqual([other.body.data.uid]);
      expect(await uids("status=cancelled")).toEqual([early.body.data.uid]);
      expect(await uids("status=upcoming,cancelled")).toHaveLength(2);
      expect(await uids("status=past")).toEqual([]);
      // An unencoded "+" arrives as a space; Cal.com turns it back.
      expect(await uids("attendeeEmail=paul+salon@example.com")).toEqual([other.body.data.uid]);
      expect(await uids("eventTypeId=501")).toEqual([early.body.data.uid]);
      expect(await uids(`afterStart=${encodeURIComponent(hoursFromNow(sandbox, 36))}`)).toEqual([other.body.data.uid]);
      expect(await uids(`beforeEnd=${encodeURIComponent(hoursFromNow(sandbox, 36))}`)).toEqual([early.body.data.uid]);
      const cancelledAt = early.body.data.createdAt;
      expect(await uids(`afterUpdatedAt=${encodeURIComponent(cancelledAt)}`)).toContain(early.body.data.uid);
      sandbox.context.clock.advance(72 * 3_600_000);
      expect(await uids("status=past")).toEqual([other.body.data.uid]);
    });
  });

  describe("reschedule and cancel", () => {
    it("reschedules into a new booking and marks the old one cancelled", async () => {
      const original = (await book(hoursFromNow(sandbox, 24))).body.data;
      const start = hoursFromNow(sandbox, 50);
      const response = await callCalcom(sandbox, `/v2/bookings/${original.uid}/reschedule`, {
        body: { start, reschedulingReason: "Running late" },
      });
      expect(response.status).toBe(201);
      const moved = response.body.data;
      expect(moved.uid).not.toBe(original.uid);
      expect(moved).toMatchObject({
        status: "accepted",
        start,
        duration: 45,
        rescheduledFromUid: original.uid,
        reschedulingReason: "Running late",
        icsUid: original.icsUid,
      });
      const old = (await callCalcom(sandbox, `/v2/bookings/${original.uid}`)).body.data;
      expect(old).toMatchObject({ status: "cancelled", rescheduledToUid: moved.uid });
      const again = await callCalcom(sandbox, `/v2/bookings/${original.uid}/reschedule`, { body: { start } });
      expect(again.status).toBe(400);
      const missing = await callCalcom(sandbox, "/v2/bookings/nope/reschedule", { body: { start } });
      expect(missing.status).toBe(404);
      const invalid = await callCalcom(sandbox, `/v2/bookings/${moved.uid}/reschedule`, { body: {} });
      expect(invalid.body.error.message).toBe("start must be a valid ISO 8601 date string");
    });

    it("cancels with 200 and refuses to cancel twice", async () => {
      const booking = (await book(hoursFromNow(sandbox, 24))).body.data;
      const cancelled = await callCalcom(sandbox, `/v2/bookings/${booking.uid}/cancel`, {
        body: { cancellationReason: "Ill" },
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.data).toMatchObject({
        uid: booking.uid,
        status: "cancelled",
        cancellationReason: "Ill",
        cancelledByEmail: CALCOM_SANDBOX_ORGANIZER.email,
      });
      const twice = await callCalcom(sandbox, `/v2/bookings/${booking.uid}/cancel`, { body: {} });
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toBe("This booking has already been cancelled.");
      expect((await callCalcom(sandbox, "/v2/bookings/nope/cancel", { body: {} })).status).toBe(404);
      // The freed slot can be booked again.
      expect((await book(booking.start)).status).toBe(201);
    });
  });
});
