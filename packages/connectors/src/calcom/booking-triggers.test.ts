import { createHmac } from "node:crypto";
import { ConnectorError, type WebhookSubscribeContext } from "@handoff/connector-sdk";
import type { SandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_ORGANIZER } from "@handoff/sandbox/calcom";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bookingCancelledTrigger } from "./booking-cancelled";
import { bookingCreatedTrigger } from "./booking-created";
import type { CalcomBookingEvent } from "./booking-event";
import { bookingRescheduledTrigger } from "./booking-rescheduled";
import type { BookingTriggerProps } from "./booking-trigger";
import {
  type CapturedDelivery,
  resetSandbox,
  sandboxAction,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startCalcomSandbox,
  startReceiver,
} from "./test-support";

const HOOK_SECRET = "hk_sec_3Jd9f0aLq2";
/** Cal.com's scheme computed here, independently of the connector. */
const expectedSignature = (secret: string, rawBody: Buffer) =>
  createHmac("sha256", secret).update(rawBody).digest("hex");

let sandbox: SandboxServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  sandbox = await startCalcomSandbox();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(async () => {
  await resetSandbox(sandbox);
  receiver.received.length = 0;
});

function subscribeContext(
  overrides: { props?: BookingTriggerProps; hookUrl?: string; hookSecret?: string; token?: string } = {},
): WebhookSubscribeContext<BookingTriggerProps> {
  return {
    props: overrides.props ?? {},
    connection: sandboxConnection(sandbox, overrides.token),
    hookUrl: overrides.hookUrl ?? receiver.url,
    hookSecret: overrides.hookSecret ?? HOOK_SECRET,
    appHookUrl: () => "unused-by-calcom",
    signal: new AbortController().signal,
    log: () => {},
  };
}

type BookingTrigger = typeof bookingCreatedTrigger;

async function subscribe(trigger: BookingTrigger, overrides: Parameters<typeof subscribeContext>[0] = {}) {
  if (!trigger.subscribe) throw new Error(`${trigger.key} cannot subscribe`);
  return trigger.subscribe(subscribeContext(overrides));
}

async function deliveries(): Promise<CapturedDelivery[]> {
  await sandbox.context.outbox.idle();
  return receiver.received;
}

/** What the ingest route does with one delivery: verify over the raw bytes, then parse. */
function ingest(trigger: BookingTrigger, delivery: CapturedDelivery, secret = HOOK_SECRET): CalcomBookingEvent {
  const verified = trigger.verify({
    rawBody: delivery.rawBody,
    headers: delivery.headers,
    url: delivery.url,
    method: "POST",
    props: {},
    secret,
    now: new Date(),
  });
  if (!verified.ok) throw new Error(verified.reason);
  const parsed = trigger.parse(delivery.rawBody, delivery.headers);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.payload;
}

const jane = { email: "Jane.Roe@Example.com", name: "Jane Roe", timeZone: "America/New_York", phone: "+12125550199" };

describe("Cal.com booking triggers against the sandbox", () => {
  it("booking-created: subscribes with the hook's secret, then verifies and parses a real booking", async () => {
    const subscription = await subscribe(bookingCreatedTrigger);
    const webhookId = (subscription.state as { webhookId: string }).webhookId;
    expect(subscription.signingSecret).toBeUndefined();
    expect((await sandboxState(sandbox)).webhooks).toEqual([
      expect.objectContaining({
        id: webhookId,
        subscriberUrl: receiver.url,
        triggers: ["BOOKING_CREATED"],
        active: true,
        payloadVersion: "2021-10-20",
      }),
    ]);
    const [create] = (await sandboxRequests(sandbox)).filter((request) => request.path === "/v2/webhooks");
    expect(JSON.parse(create?.body ?? "{}")).toMatchObject({ secret: HOOK_SECRET });

    const booked = await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z", service: "colour" });
    const [delivery, ...others] = await deliveries();
    expect(others).toHaveLength(0);
    if (!delivery) throw new Error("no delivery");
    expect(delivery.headers["x-cal-signature-256"]).toBe(expectedSignature(HOOK_SECRET, delivery.rawBody));
    const event = ingest(bookingCreatedTrigger, delivery);
    expect(event).toMatchObject({
      triggerEvent: "BOOKING_CREATED",
      lifecycle: "booked",
      uid: booked.uid,
      bookingId: booked.id,
      type: "colour",
      status: "ACCEPTED",
    });
    expect(event.booking).toMatchObject({
      uid: booked.uid,
      previousUid: null,
      service: "Colour",
      eventTypeId: 502,
      eventTypeSlug: "colour",
      start: "2030-01-15T14:00:00.000Z",
      end: "2030-01-15T15:30:00.000Z",
      durationMinutes: 90,
      timeZone: "America/New_York",
      startLocal: "2030-01-15T09:00:00-05:00",
      organizer: { name: "Marie Dupont", email: CALCOM_SANDBOX_ORGANIZER.email, timeZone: "Europe/Paris" },
      status: "accepted",
      price: 85,
      priceMinorUnits: 8500,
      currency: "EUR",
    });
    expect(event.customer).toEqual({
      name: "Jane Roe",
      firstName: "Jane",
      lastName: "Roe",
      email: "jane.roe@example.com",
      phone: "+12125550199",
      timeZone: "America/New_York",
    });
    expect(bookingCreatedTrigger.matches?.(event, {})).toBe(true);
    expect(bookingCreatedTrigger.summary?.(event)).toBe("Booking: Jane Roe, Tue 09:00 America/New_York");
    expect(bookingCreatedTrigger.eventId(event, delivery.headers)).toBe(
      `BOOKING_CREATED:${booked.uid}:${event.createdAt}`,
    );
    expect(bookingCreatedTrigger.businessKeys?.(event)).toEqual([booked.uid, "jane.roe@example.com", "+12125550199"]);
    expect(() => ingest(bookingCreatedTrigger, delivery, "another-secret")).toThrow("signature does not match");
  });

  it("booking-rescheduled: carries the new uid and the replaced one", async () => {
    await subscribe(bookingRescheduledTrigger);
    const first = await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z" });
    const moved = await sandboxAction(sandbox, "reschedule", { uid: first.uid, start: "2030-01-17T15:30:00Z" });
    const [delivery, ...others] = await deliveries();
    expect(others).toHaveLength(0);
    if (!delivery) throw new Error("no delivery");
    const event = ingest(bookingRescheduledTrigger, delivery);
    expect(moved.uid).not.toBe(first.uid);
    expect(event).toMatchObject({
      triggerEvent: "BOOKING_RESCHEDULED",
      lifecycle: "rescheduled",
      rescheduleUid: first.uid,
    });
    expect(event.booking).toMatchObject({
      uid: moved.uid,
      previousUid: first.uid,
      previousStart: "2030-01-15T14:00:00.000Z",
      start: "2030-01-17T15:30:00.000Z",
      startLocal: "2030-01-17T10:30:00-05:00",
      durationMinutes: 45,
      eventTypeSlug: "haircut",
    });
    expect(bookingRescheduledTrigger.summary?.(event)).toBe(
      "Rescheduled: Jane Roe, Thu 10:30 America/New_York (was Tue 09:00)",
    );
    expect(bookingRescheduledTrigger.businessKeys?.(event)).toEqual(
      expect.arrayContaining([moved.uid, first.uid, "jane.roe@example.com"]),
    );
  });

  it("booking-cancelled: carries the reason, and a resent delivery keeps its event id", async () => {
    await subscribe(bookingCancelledTrigger);
    const booked = await sandboxAction(sandbox, "book", {
      email: "luc@example.fr",
      name: "Luc Martin",
      timeZone: "Europe/Paris",
      start: "2030-01-15T14:00:00Z",
    });
    await sandboxAction(sandbox, "cancel", { uid: booked.uid, reason: "Sick child" });
    const [delivery] = await deliveries();
    if (!delivery) throw new Error("no delivery");
    const event = ingest(bookingCancelledTrigger, delivery);
    expect(event).toMatchObject({ lifecycle: "canceled", status: "CANCELLED" });
    expect(event.booking).toMatchObject({
      uid: booked.uid,
      status: "cancelled",
      cancellationReason: "Sick child",
      startLocal: "2030-01-15T15:00:00+01:00",
    });
    expect(event.customer.phone).toBeNull();
    expect(bookingCancelledTrigger.summary?.(event)).toBe("Canceled: Luc Martin, Tue 15:00 Europe/Paris");

    const [original] = sandbox.context.outbox.list("calcom");
    sandbox.context.outbox.resend(original?.id ?? "");
    const [, replay] = await deliveries();
    if (!replay) throw new Error("no replay");
    const replayed = ingest(bookingCancelledTrigger, replay);
    expect(bookingCancelledTrigger.eventId(replayed, replay.headers)).toBe(
      bookingCancelledTrigger.eventId(event, delivery.headers),
    );
  });

  it("each flow gets only its own event, and other events sent to a hook do not match", async () => {
    const hooks = {
      created: `${receiver.url}/created`,
      rescheduled: `${receiver.url}/rescheduled`,
      cancelled: `${receiver.url}/cancelled`,
    };
    await subscribe(bookingCreatedTrigger, { hookUrl: hooks.created });
    await subscribe(bookingRescheduledTrigger, { hookUrl: hooks.rescheduled });
    await subscribe(bookingCancelledTrigger, { hookUrl: hooks.cancelled });
    const first = await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z" });
    const moved = await sandboxAction(sandbox, "reschedule", { uid: first.uid, start: "2030-01-16T14:00:00Z" });
    await sandboxAction(sandbox, "cancel", { uid: moved.uid });
    const received = await deliveries();
    expect(received.map((delivery) => [delivery.url, JSON.parse(delivery.rawBody.toString()).triggerEvent])).toEqual([
      [hooks.created, "BOOKING_CREATED"],
      [hooks.rescheduled, "BOOKING_RESCHEDULED"],
      [hooks.cancelled, "BOOKING_CANCELLED"],
    ]);
    const cancelled = received[2];
    if (!cancelled) throw new Error("no cancellation");
    // Pasted into the created trigger's hook by hand: parsed and recorded, but no run starts.
    const misrouted = ingest(bookingCreatedTrigger, cancelled);
    expect(misrouted.lifecycle).toBe("canceled");
    expect(bookingCreatedTrigger.matches?.(misrouted, {})).toBe(false);
  });

  it("filters on the event type slug", async () => {
    await subscribe(bookingCreatedTrigger, { props: { eventTypeSlug: "haircut" } });
    await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z", service: "colour" });
    await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-16T14:00:00Z", service: "haircut" });
    const [colour, haircut] = (await deliveries()).map((delivery) => ingest(bookingCreatedTrigger, delivery));
    if (!colour || !haircut) throw new Error("missing deliveries");
    expect(bookingCreatedTrigger.matches?.(colour, { eventTypeSlug: "haircut" })).toBe(false);
    expect(bookingCreatedTrigger.matches?.(haircut, { eventTypeSlug: "haircut" })).toBe(true);
  });

  it("unsubscribe removes the webhook, and removing it again is fine", async () => {
    const subscription = await subscribe(bookingCreatedTrigger);
    const unsubscribe = bookingCreatedTrigger.unsubscribe;
    if (!unsubscribe) throw new Error("cannot unsubscribe");
    const context = { ...subscribeContext(), props: {}, hookUrl: "", hookSecret: "", state: subscription.state };
    await unsubscribe(context);
    expect((await sandboxState(sandbox)).webhooks).toEqual([]);
    await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z" });
    expect(await deliveries()).toHaveLength(0);
    await expect(unsubscribe(context)).resolves.toBeUndefined();
    const deletes = (await sandboxRequests(sandbox)).filter((request) => request.method === "DELETE");
    expect(deletes.map((request) => request.status)).toEqual([200, 404]);
    await expect(unsubscribe({ ...context, state: null })).rejects.toMatchObject({ code: "validation" });
  });

  it("a repeated subscribe for the same hook takes the existing webhook over instead of failing", async () => {
    const first = await subscribe(bookingCreatedTrigger, { hookSecret: "old-secret" });
    const second = await subscribe(bookingCancelledTrigger, { hookSecret: HOOK_SECRET });
    expect(second.state).toEqual(first.state);
    const calls = (await sandboxRequests(sandbox)).map((request) => `${request.method} ${request.status}`);
    expect(calls).toEqual(["POST 201", "POST 409", "GET 200", "PATCH 200"]);
    expect((await sandboxState(sandbox)).webhooks).toEqual([
      expect.objectContaining({ subscriberUrl: receiver.url, triggers: ["BOOKING_CANCELLED"], active: true }),
    ]);
    const booked = await sandboxAction(sandbox, "book", { ...jane, start: "2030-01-15T14:00:00Z" });
    await sandboxAction(sandbox, "cancel", { uid: booked.uid });
    const [delivery, ...others] = await deliveries();
    expect(others).toHaveLength(0);
    if (!delivery) throw new Error("no delivery");
    expect(ingest(bookingCancelledTrigger, delivery).lifecycle).toBe("canceled");
  });

  it("refuses to subscribe with a bad API key, keeping Cal.com's message", async () => {
    const failure = await subscribe(bookingCreatedTrigger, { token: "cal_wrong_key" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({
      code: "auth",
      kind: "final",
      status: 401,
      providerMessage: "ApiAuthStrategy - api key - Your api key is not valid",
    });
    expect((await sandboxState(sandbox)).webhooks).toEqual([]);
  });
});
