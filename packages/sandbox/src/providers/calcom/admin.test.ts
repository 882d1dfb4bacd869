import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../server";
import { CALCOM_SANDBOX_EVENT_TYPES } from "./fixtures";
import { adminAction, booker, callCalcom, hoursFromNow, startCalcom } from "./test-support";

describe("calcom sandbox: scripted customer actions, state and reset", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startCalcom();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  interface StateSnapshot {
    bookings: unknown[];
    webhooks: unknown[];
    eventTypes: { title: string; length: number }[];
  }
  const state = async () =>
    (await (await fetch(`${sandbox.url}/_sandbox/state?provider=calcom`)).json()) as StateSnapshot;

  it("books the first service by default, or the one named by title or slug", async () => {
    const start = hoursFromNow(sandbox, 24);
    const haircut = await adminAction(sandbox, "book", { ...booker, start, phone: "+33612345678" });
    expect(haircut.status).toBe(201);
    expect(haircut.body).toMatchObject({
      eventType: { slug: "haircut" },
      start,
      duration: 45,
      attendees: [{ email: "jane@example.com", timeZone: "Europe/London", phoneNumber: "+33612345678" }],
    });
    const colour = await adminAction(sandbox, "book", {
      ...booker,
      start: hoursFromNow(sandbox, 26),
      service: "Colour",
    });
    expect(colour.body.eventType.slug).toBe("colour");
    const noTimeZone = await adminAction(sandbox, "book", {
      email: "paul@example.com",
      name: "Paul",
      start: hoursFromNow(sandbox, 30),
      service: "free-consultation",
    });
    expect(noTimeZone.body.attendees[0].timeZone).toBe("Europe/Paris");
    const listed = await callCalcom(sandbox, "/v2/bookings");
    expect(listed.body.data.map((booking: { uid: string }) => booking.uid)).toEqual([
      haircut.body.uid,
      colour.body.uid,
      noTimeZone.body.uid,
    ]);
  });

  it.each([
    [{ name: "Jane", start: "2030-01-01T10:00:00Z" }, "email"],
    [{ email: "jane@example.com", start: "2030-01-01T10:00:00Z" }, "name"],
    [{ email: "jane@example.com", name: "Jane", start: "soon" }, "start"],
    [{ email: "jane@example.com", name: "Jane", start: "2030-01-01T10:00:00Z", timeZone: "Paris" }, "timeZone"],
    [{ email: "jane@example.com", name: "Jane", start: "2030-01-01T10:00:00Z", service: "Perm" }, "service"],
    [{ email: "jane@example.com", name: "Jane", start: "2030-01-01T10:00:00Z", phone: "0612" }, "phone"],
  ])("answers 400 naming the field for book %j", async (body, field) => {
    const response = await adminAction(sandbox, "book", body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(new RegExp(`^${field}`));
  });

  it("refuses a taken slot with 409", async () => {
    const start = hoursFromNow(sandbox, 24);
    expect((await adminAction(sandbox, "book", { ...booker, start })).status).toBe(201);
    const taken = await adminAction(sandbox, "book", { ...booker, email: "other@example.com", start });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toContain("already has booking");
  });

  it("reschedules and cancels, with 404 for an unknown uid and 400 for bad input", async () => {
    const booked = await adminAction(sandbox, "book", { ...booker, start: hoursFromNow(sandbox, 24) });
    const start = hoursFromNow(sandbox, 28);
    const moved = await adminAction(sandbox, "reschedule", { uid: booked.body.uid, start });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start, rescheduledFromUid: booked.body.uid, status: "accepted" });
    const cancelled = await adminAction(sandbox, "cancel", { uid: moved.body.uid, reason: "Flu" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ uid: moved.body.uid, status: "cancelled", cancellationReason: "Flu" });
    expect((await adminAction(sandbox, "cancel", { uid: moved.body.uid })).status).toBe(409);
    const unknown = await adminAction(sandbox, "reschedule", { uid: "nope", start });
    expect(unknown).toEqual({ status: 404, body: { error: "Booking with uid=nope not found" } });
    expect((await adminAction(sandbox, "cancel", { uid: "nope" })).status).toBe(404);
    const noStart = await adminAction(sandbox, "reschedule", { uid: booked.body.uid });
    expect(noStart.status).toBe(400);
    expect(noStart.body.error).toMatch(/^start/);
    expect((await adminAction(sandbox, "cancel", {})).body.error).toMatch(/^uid/);
  });

  it("answers tick with 200 (also when the clock moves) and unknown actions with 404", async () => {
    expect(await adminAction(sandbox, "tick", {})).toEqual({ status: 200, body: {} });
    const moved = await fetch(`${sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 1 }),
    });
    expect(moved.status).toBe(200);
    const unknown = await adminAction(sandbox, "explode", {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain("explode");
  });

  it("exposes bookings, subscriptions without secrets and event types, and reset empties them", async () => {
    await callCalcom(sandbox, "/v2/webhooks", {
      body: { subscriberUrl: "http://127.0.0.1:9/hook", triggers: ["BOOKING_CREATED"], secret: "whsec_hidden" },
    });
    const booked = await adminAction(sandbox, "book", { ...booker, start: hoursFromNow(sandbox, 24) });
    const snapshot = await state();
    expect(Object.keys(snapshot).sort()).toEqual(["bookings", "eventTypes", "webhooks"]);
    expect(snapshot.bookings).toEqual([booked.body]);
    expect(snapshot.webhooks).toEqual([expect.objectContaining({ subscriberUrl: "http://127.0.0.1:9/hook" })]);
    expect(JSON.stringify(snapshot.webhooks)).not.toContain("whsec_hidden");
    expect(snapshot.eventTypes).toEqual(CALCOM_SANDBOX_EVENT_TYPES);
    expect(snapshot.eventTypes.map((type) => [type.title, type.length])).toEqual([
      ["Haircut", 45],
      ["Colour", 90],
      ["Free consultation", 15],
    ]);
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(await state()).toMatchObject({ bookings: [], webhooks: [] });
  });
});
