import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
  HUBSPOT_SANDBOX_PORTAL_ID,
} from "./fixtures";
import { type HubspotHarness, json, type ReceivedWebhook, startHubspot, startReceiver } from "./test-support";

interface Event {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
}

/** Recomputes HubSpot's v3 signature from the documented recipe, independently of the emulator. */
function verifyV3(webhook: ReceivedWebhook, targetUrl: string): boolean {
  const timestamp = String(webhook.headers["x-hubspot-request-timestamp"]);
  const expected = createHmac("sha256", HUBSPOT_SANDBOX_CLIENT_SECRET)
    .update(`POST${targetUrl}${webhook.body}${timestamp}`)
    .digest("base64");
  return webhook.headers["x-hubspot-signature-v3"] === expected;
}

describe("hubspot webhooks", () => {
  let hub: HubspotHarness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    hub = await startHubspot();
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const developer = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
    fetch(
      `${hub.base}/webhooks/v3/${HUBSPOT_SANDBOX_APP_ID}${path}?hapikey=${init.key ?? HUBSPOT_SANDBOX_DEVELOPER_API_KEY}`,
      {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        headers: { "content-type": "application/json" },
      },
    );

  async function subscribe(targetUrl: string, subscriptions: { eventType: string; propertyName?: string }[]) {
    expect((await developer("/settings", { method: "PUT", body: { targetUrl } })).status).toBe(200);
    for (const subscription of subscriptions)
      expect((await developer("/subscriptions", { body: { ...subscription, active: true } })).status).toBe(201);
  }

  const events = (webhook: ReceivedWebhook | undefined) => JSON.parse(webhook?.body ?? "[]") as Event[];

  it("authenticates the developer API with hapikey", async () => {
    const wrong = await developer("/subscriptions", { key: "nope" });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION" });
    const otherApp = await fetch(`${hub.base}/webhooks/v3/1/settings?hapikey=${HUBSPOT_SANDBOX_DEVELOPER_API_KEY}`);
    expect(otherApp.status).toBe(404);
  });

  it("manages settings and subscriptions", async () => {
    expect((await developer("/settings")).status).toBe(404);
    const settings = await json(await developer("/settings", { method: "PUT", body: { targetUrl: receiver.url } }));
    expect(settings).toMatchObject({
      targetUrl: receiver.url,
      throttling: { maxConcurrentRequests: 10, period: "SECONDLY" },
    });
    expect((await developer("/settings", { method: "PUT", body: { targetUrl: "not a url" } })).status).toBe(400);

    const created = await developer("/subscriptions", {
      body: { eventType: "contact.propertyChange", propertyName: "email", active: true },
    });
    expect(created.status).toBe(201);
    const subscription = await json<{ id: string }>(created);
    expect(subscription).toMatchObject({ eventType: "contact.propertyChange", propertyName: "email", active: true });
    expect(typeof subscription.id).toBe("string");
    expect((await developer("/subscriptions", { body: { eventType: "contact.propertyChange" } })).status).toBe(400);
    expect(
      (await developer("/subscriptions", { body: { eventType: "contact.propertyChange", propertyName: "email" } }))
        .status,
    ).toBe(409);

    const paused = await developer(`/subscriptions/${subscription.id}`, { method: "PATCH", body: { active: false } });
    expect(await json(paused)).toMatchObject({ active: false });
    const listed = await json<{ results: unknown[] }>(await developer("/subscriptions"));
    expect(listed.results).toHaveLength(1);
    expect((await developer(`/subscriptions/${subscription.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await developer(`/subscriptions/${subscription.id}`)).status).toBe(404);
    expect((await developer("/settings", { method: "DELETE" })).status).toBe(204);
  });

  it("POSTs an API change as one signed JSON array of events", async () => {
    await subscribe(receiver.url, [
      { eventType: "contact.creation" },
      { eventType: "contact.propertyChange", propertyName: "email" },
      { eventType: "contact.propertyChange", propertyName: "phone" },
    ]);
    const before = Date.now();
    const contact = await json<{ id: string }>(
      await hub.api("/crm/v3/objects/contacts", { body: { properties: { email: "hook@example.com" } } }),
    );
    await hub.sandbox.context.outbox.idle();
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    if (!webhook) throw new Error("no webhook received");
    expect(webhook.headers["x-hubspot-signature-version"]).toBe("v3");
    expect(Number(webhook.headers["x-hubspot-request-timestamp"])).toBeGreaterThanOrEqual(before);
    expect(verifyV3(webhook, receiver.url)).toBe(true);
    expect(verifyV3({ ...webhook, body: `${webhook.body} ` }, receiver.url)).toBe(false);
    const sent = events(webhook);
    expect(sent.map((event) => [event.subscriptionType, event.propertyName])).toEqual([
      ["contact.creation", undefined],
      ["contact.propertyChange", "email"],
    ]);
    expect(sent[1]).toMatchObject({
      portalId: HUBSPOT_SANDBOX_PORTAL_ID,
      appId: HUBSPOT_SANDBOX_APP_ID,
      objectId: Number(contact.id),
      propertyValue: "hook@example.com",
      changeSource: "API",
      attemptNumber: 0,
    });
    expect(new Set(sent.map((event) => event.eventId)).size).toBe(2);
  });

  it("sends CRM_UI events for the scripted actions, including a deal stage change", async () => {
    await subscribe(receiver.url, [
      { eventType: "contact.creation" },
      { eventType: "deal.propertyChange", propertyName: "dealstage" },
    ]);
    const created = await hub.admin("create-contact", { email: "ui@example.com", firstname: "Uma" });
    expect(created.status).toBe(201);
    const deal = await json<{ id: string }>(
      await hub.api("/crm/v3/objects/deals", {
        body: { properties: { dealname: "D", dealstage: "appointmentscheduled" } },
      }),
    );
    const moved = await hub.admin("update-deal-stage", { dealId: deal.id, stage: "closedwon" });
    expect(moved.status).toBe(200);
    expect((await json<{ properties: { dealstage: string } }>(moved)).properties.dealstage).toBe("closedwon");
    await hub.sandbox.context.outbox.idle();
    const sent = receiver.received.flatMap(events);
    expect(sent.map((event) => [event.subscriptionType, event.changeSource, event.propertyValue])).toEqual([
      ["contact.creation", "CRM_UI", undefined],
      ["deal.propertyChange", "API", "appointmentscheduled"],
      ["deal.propertyChange", "CRM_UI", "closedwon"],
    ]);
    expect((await hub.admin("update-deal-stage", { dealId: deal.id, stage: "nope" })).status).toBe(400);
    expect((await hub.admin("update-deal-stage", { dealId: "999999", stage: "closedwon" })).status).toBe(404);
  });

  it("re-signs each retry with a fresh timestamp", async () => {
    const flaky = await startReceiver([500]);
    try {
      await subscribe(flaky.url, [{ eventType: "contact.creation" }]);
      await hub.admin("create-contact", { email: "retry@example.com" });
      await hub.sandbox.context.outbox.idle();
      expect(flaky.received).toHaveLength(2);
      const [first, second] = flaky.received;
      if (!first || !second) throw new Error("expected two attempts");
      expect(first.body).toBe(second.body);
      expect(first.headers["x-hubspot-request-timestamp"]).not.toBe(second.headers["x-hubspot-request-timestamp"]);
      expect(verifyV3(first, flaky.url) && verifyV3(second, flaky.url)).toBe(true);
    } finally {
      await flaky.close();
    }
  });

  it("signs the URI with HubSpot's listed escapes decoded", async () => {
    const targetUrl = `${receiver.url}?next=%2Fhome%3Fa%3D1`;
    await subscribe(targetUrl, [{ eventType: "contact.creation" }]);
    await hub.admin("create-contact", { email: "escaped@example.com" });
    await hub.sandbox.context.outbox.idle();
    const [webhook] = receiver.received;
    if (!webhook) throw new Error("no webhook received");
    expect(verifyV3(webhook, `${receiver.url}?next=/home?a%3D1`)).toBe(true);
  });

  it("sends nothing for paused subscriptions or without settings", async () => {
    await subscribe(receiver.url, []);
    await developer("/subscriptions", { body: { eventType: "contact.creation", active: false } });
    await hub.admin("create-contact", { email: "quiet@example.com" });
    await developer("/subscriptions", { body: { eventType: "contact.deletion", active: true } });
    await developer("/settings", { method: "DELETE" });
    const contact = await json<{ id: string }>(await hub.admin("create-contact", { email: "quiet2@example.com" }));
    await hub.api(`/crm/v3/objects/contacts/${contact.id}`, { method: "DELETE" });
    await hub.sandbox.context.outbox.idle();
    expect(receiver.received).toHaveLength(0);
  });
});
