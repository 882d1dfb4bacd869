import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../server";
import { CALCOM_SANDBOX_ORGANIZER } from "./fixtures";
import { adminAction, booker, callCalcom, hoursFromNow, startCalcom, startReceiver } from "./test-support";

describe("calcom sandbox: webhooks", () => {
  let sandbox: SandboxServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sandbox = await startCalcom();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    receiver.received.length = 0;
  });

  const subscribe = (body: Record<string, unknown>) => callCalcom(sandbox, "/v2/webhooks", { body, version: null });

  describe("subscriptions API", () => {
    it("creates, lists, reads, updates and deletes a subscription", async () => {
      const created = await subscribe({
        subscriberUrl: receiver.url,
        triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
        secret: "whsec_test",
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        status: "success",
        data: {
          id: expect.any(String),
          userId: CALCOM_SANDBOX_ORGANIZER.id,
          subscriberUrl: receiver.url,
          triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
          active: true,
          payloadTemplate: null,
          payloadVersion: "2021-10-20",
          secret: "whsec_test",
        },
      });
      const id = created.body.data.id;
      expect((await callCalcom(sandbox, "/v2/webhooks")).body.data).toHaveLength(1);
      expect((await callCalcom(sandbox, `/v2/webhooks/${id}`)).body.data.id).toBe(id);
      const patched = await callCalcom(sandbox, `/v2/webhooks/${id}`, { method: "PATCH", body: { active: false } });
      expect(patched.status).toBe(200);
      expect(patched.body.data).toMatchObject({ active: false, triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"] });
      const deleted = await callCalcom(sandbox, `/v2/webhooks/${id}`, { method: "DELETE" });
      expect(deleted.status).toBe(200);
      expect(deleted.body.data.id).toBe(id);
      const gone = await callCalcom(sandbox, `/v2/webhooks/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error).toMatchObject({ code: "NotFoundException", message: `Webhook (${id}) not found` });
    });

    it("refuses invalid subscriptions and a duplicate subscriber URL", async () => {
      const badTrigger = await subscribe({ subscriberUrl: receiver.url, triggers: ["BOOKING_EXPLODED"] });
      expect(badTrigger.status).toBe(400);
      expect(badTrigger.body.error.message).toContain("each value in triggers must be one of the following values");
      const badUrl = await subscribe({ subscriberUrl: "not a url", triggers: ["BOOKING_CREATED"] });
      expect(badUrl.body.error.message).toBe("subscriberUrl must be a URL address");
      const noTriggers = await subscribe({ subscriberUrl: receiver.url });
      expect(noTriggers.body.error.message).toBe("triggers must be an array");
      expect((await subscribe({ subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"] })).status).toBe(201);
      const duplicate = await subscribe({ subscriberUrl: receiver.url, triggers: ["BOOKING_CANCELLED"] });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toMatchObject({
        code: "ConflictException",
        message: "Webhook with this subscriber url already exists for this user",
      });
    });

    it("requires the API key", async () => {
      const response = await callCalcom(sandbox, "/v2/webhooks", { key: null, version: null });
      expect(response.status).toBe(401);
    });
  });

  describe("outgoing deliveries", () => {
    const expectedSignature = (secret: string, rawBody: string) =>
      createHmac("sha256", secret).update(rawBody).digest("hex");

    it("signs BOOKING_CREATED with a hex HMAC of the raw body and sends the 2021-10-20 payload", async () => {
      await subscribe({ subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"], secret: "whsec_test" });
      const start = hoursFromNow(sandbox, 24);
      const booking = (
        await callCalcom(sandbox, "/v2/bookings", {
          body: { start, eventTypeId: 502, attendee: { ...booker, phoneNumber: "+447700900123" } },
        })
      ).body.data;
      await sandbox.context.outbox.idle();
      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received;
      expect(hook?.headers["x-cal-signature-256"]).toBe(expectedSignature("whsec_test", hook?.rawBody ?? ""));
      expect(hook?.headers["x-cal-signature-256"]).not.toBe(expectedSignature("wrong", hook?.rawBody ?? ""));
      expect(hook?.headers["x-cal-webhook-version"]).toBe("2021-10-20");
      expect(hook?.headers["content-type"]).toBe("application/json");
      expect(hook?.json).toMatchObject({
        triggerEvent: "BOOKING_CREATED",
        createdAt: expect.any(String),
        payload: {
          bookingId: booking.id,
          uid: booking.uid,
          type: "colour",
          title: booking.title,
          startTime: start.replace(".000Z", "Z"),
          endTime: new Date(Date.parse(start) + 90 * 60_000).toISOString().replace(".000Z", "Z"),
          eventTypeId: 502,
          length: 90,
          price: 8500,
          currency: "eur",
          status: "ACCEPTED",
          organizer: {
            id: CALCOM_SANDBOX_ORGANIZER.id,
            email: CALCOM_SANDBOX_ORGANIZER.email,
            timeZone: "Europe/Paris",
          },
          attendees: [
            {
              name: "Jane Doe",
              email: "jane@example.com",
              timeZone: "Europe/London",
              phoneNumber: "+447700900123",
              firstName: "",
              lastName: "",
            },
          ],
          responses: { name: { value: "Jane Doe" }, email: { value: "jane@example.com" } },
          iCalUID: `${booking.uid}@Cal.com`,
          metadata: {},
        },
      });
      expect(typeof hook?.json.payload.organizer.utcOffset).toBe("number");
    });

    it("sends the new uid and the old rescheduleUid on BOOKING_RESCHEDULED, and the reason on BOOKING_CANCELLED", async () => {
      await subscribe({ subscriberUrl: receiver.url, triggers: ["BOOKING_RESCHEDULED", "BOOKING_CANCELLED"] });
      const first = await adminAction(sandbox, "book", { ...booker, start: hoursFromNow(sandbox, 24) });
      const moved = await adminAction(sandbox, "reschedule", { uid: first.body.uid, start: hoursFromNow(sandbox, 30) });
      await adminAction(sandbox, "cancel", { uid: moved.body.uid, reason: "Changed my mind" });
      await sandbox.context.outbox.idle();
      expect(receiver.received.map((hook) => hook.json.triggerEvent)).toEqual([
        "BOOKING_RESCHEDULED",
        "BOOKING_CANCELLED",
      ]);
      const [rescheduled, cancelled] = receiver.received;
      expect(rescheduled?.json.payload).toMatchObject({
        uid: moved.body.uid,
        rescheduleUid: first.body.uid,
        rescheduleId: first.body.id,
        rescheduleStartTime: first.body.start.replace(".000Z", "Z"),
        rescheduleEndTime: first.body.end.replace(".000Z", "Z"),
        rescheduledBy: "jane@example.com",
        status: "ACCEPTED",
        iCalSequence: 1,
      });
      expect(cancelled?.json.payload).toMatchObject({
        uid: moved.body.uid,
        status: "CANCELLED",
        cancellationReason: "Changed my mind",
        cancelledBy: "jane@example.com",
      });
      for (const hook of receiver.received) expect(hook.headers["x-cal-signature-256"]).toBe("no-secret-provided");
    });

    it("skips inactive subscriptions and triggers a subscription does not list", async () => {
      await subscribe({ subscriberUrl: `${receiver.url}/cancelled-only`, triggers: ["BOOKING_CANCELLED"] });
      await subscribe({ subscriberUrl: `${receiver.url}/inactive`, triggers: ["BOOKING_CREATED"], active: false });
      await adminAction(sandbox, "book", { ...booker, start: hoursFromNow(sandbox, 24) });
      await sandbox.context.outbox.idle();
      expect(receiver.received).toHaveLength(0);
      expect(sandbox.context.outbox.list("calcom")).toHaveLength(0);
    });
  });
});
