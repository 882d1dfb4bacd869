import type { ActionConnection, WebhookTriggerDefinition } from "@handoff/connector-sdk";
import type { SandboxServer } from "@handoff/sandbox";
import { HUBSPOT_SANDBOX_CLIENT_SECRET } from "@handoff/sandbox/hubspot";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { contactCreatedTrigger } from "./contact-created";
import { dealStageChangedTrigger } from "./deal-stage-changed";
import {
  type CapturedDelivery,
  resetSandbox,
  sandboxAdmin,
  sandboxApi,
  sandboxState,
  startHubspotSandbox,
  startReceiver,
  triggerConnection,
} from "./test-support";
import type { HubspotCrmEvent, HubspotPayload } from "./webhook-event";

type HubspotTrigger = WebhookTriggerDefinition<z.ZodType, HubspotPayload>;

describe("hubspot webhook triggers against the sandbox", () => {
  let sandbox: SandboxServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await resetSandbox(sandbox);
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const context = (connection: ActionConnection = triggerConnection(sandbox)) => ({
    props: {},
    connection,
    hookUrl: "https://handoff.example.com/api/hooks/not-used-by-hubspot",
    hookSecret: "unused-by-hubspot",
    // The app-wide endpoint: this test's receiver stands in for Handoff's fan-out route.
    appHookUrl: () => receiver.url,
    signal: new AbortController().signal,
    log: () => {},
  });

  /** What the ingest route does with one delivery: verify, parse, split into events. */
  function ingest(trigger: HubspotTrigger, delivery: CapturedDelivery, secret: string): HubspotCrmEvent[] {
    const verified = trigger.verify({
      rawBody: delivery.rawBody,
      headers: delivery.headers,
      url: delivery.url,
      method: "POST",
      props: {},
      secret,
      now: sandbox.context.clock.now(),
    });
    expect(verified).toEqual({ ok: true });
    const parsed = trigger.parse(delivery.rawBody, delivery.headers);
    if (!parsed.ok) throw new Error(parsed.error);
    return (trigger.split?.(parsed.payload) ?? [parsed.payload]) as HubspotCrmEvent[];
  }

  async function deliveredEvents(trigger: HubspotTrigger, secret: string): Promise<HubspotCrmEvent[]> {
    await sandbox.context.outbox.idle();
    return receiver.received.flatMap((delivery) => ingest(trigger, delivery, secret));
  }

  it("subscribes contact-created, then turns a contact created in the CRM into a signed, parsed event", async () => {
    const subscription = await contactCreatedTrigger.subscribe?.(context());
    expect(subscription?.signingSecret).toBe(HUBSPOT_SANDBOX_CLIENT_SECRET);
    const state = await sandboxState(sandbox);
    expect(state.webhookSettings?.targetUrl).toBe(receiver.url);
    expect(state.subscriptions).toEqual([expect.objectContaining({ eventType: "contact.creation", active: true })]);

    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "new@example.com", firstname: "New" });
    const events = await deliveredEvents(contactCreatedTrigger, subscription?.signingSecret ?? "");
    expect(events).toHaveLength(1);
    const [event] = events;
    if (!event) throw new Error("no event");
    expect(event).toMatchObject({
      lifecycle: "contact_created",
      subscriptionType: "contact.creation",
      objectType: "contact",
      objectId: contact.id,
      contactId: contact.id,
      changeSource: "CRM_UI",
    });
    expect(contactCreatedTrigger.matches?.(event, {})).toBe(true);
    expect(contactCreatedTrigger.eventId(event, {})).toBe(`${event.subscriptionId}:${event.eventId}`);
    expect(contactCreatedTrigger.eventTime(event)?.getTime()).toBe(event.occurredAt);
    expect(event.occurredAtIso).toBe(new Date(event.occurredAt).toISOString());
    expect(contactCreatedTrigger.summary?.(event)).toBe(`HubSpot contact ${contact.id} created (CRM_UI)`);
    expect(contactCreatedTrigger.businessKeys?.(event)).toEqual([contact.id]);
  });

  it("reuses the app's subscription on a second publish and deletes it on unsubscribe (twice is fine)", async () => {
    const first = await contactCreatedTrigger.subscribe?.(context());
    const again = await contactCreatedTrigger.subscribe?.(context());
    expect(again?.state).toEqual(first?.state);
    expect((await sandboxState(sandbox)).subscriptions).toHaveLength(1);
    const unsubscribe = { ...context(), state: first?.state ?? null };
    await contactCreatedTrigger.unsubscribe?.(unsubscribe);
    expect((await sandboxState(sandbox)).subscriptions).toHaveLength(0);
    await expect(contactCreatedTrigger.unsubscribe?.(unsubscribe)).resolves.toBeUndefined();
  });

  it("maps deal stage changes to won, lost and moved, and filters on the chosen stage", async () => {
    const subscription = await dealStageChangedTrigger.subscribe?.(context());
    expect((await sandboxState(sandbox)).subscriptions).toEqual([
      expect.objectContaining({ eventType: "deal.propertyChange", propertyName: "dealstage", active: true }),
    ]);
    const deal = await sandboxApi(sandbox, "/crm/v3/objects/deals", {
      properties: { dealname: "Deal", dealstage: "appointmentscheduled" },
    });
    await sandboxAdmin(sandbox, "update-deal-stage", { dealId: deal.id, stage: "closedwon" });
    await sandboxAdmin(sandbox, "update-deal-stage", { dealId: deal.id, stage: "closedlost" });
    const events = await deliveredEvents(dealStageChangedTrigger, subscription?.signingSecret ?? "");
    expect(events.map((event) => [event.lifecycle, event.dealstage, event.changeSource])).toEqual([
      ["deal_stage_changed", "appointmentscheduled", "API"],
      ["deal_won", "closedwon", "CRM_UI"],
      ["deal_lost", "closedlost", "CRM_UI"],
    ]);
    expect(events.every((event) => event.dealId === deal.id && event.objectId === deal.id)).toBe(true);
    expect(events.map((event) => dealStageChangedTrigger.matches?.(event, { stage: "closedwon" }))).toEqual([
      false,
      true,
      false,
    ]);
    expect(events.every((event) => dealStageChangedTrigger.matches?.(event, {}))).toBe(true);
    expect(dealStageChangedTrigger.summary?.(events[1] as HubspotCrmEvent)).toBe(
      `HubSpot deal ${deal.id} won → closedwon (CRM_UI)`,
    );
    // The app's one target URL gets every subscription's events: the other trigger records, not runs, them.
    expect(events.some((event) => contactCreatedTrigger.matches?.(event, {}))).toBe(false);
  });

  it("refuses to subscribe without the signing secret or the developer API key, and with a wrong key", async () => {
    await expect(
      contactCreatedTrigger.subscribe?.(context(triggerConnection(sandbox, { clientSecret: "" }))),
    ).rejects.toMatchObject({ code: "auth", message: expect.stringContaining("clientSecret") });
    await expect(
      contactCreatedTrigger.subscribe?.(context(triggerConnection(sandbox, { developerApiKey: "" }))),
    ).rejects.toMatchObject({ code: "auth", message: expect.stringContaining("developerApiKey") });
    await expect(
      contactCreatedTrigger.subscribe?.(context(triggerConnection(sandbox, { appId: "" }))),
    ).rejects.toMatchObject({ code: "auth", message: expect.stringContaining("appId") });
    await expect(
      contactCreatedTrigger.subscribe?.(context(triggerConnection(sandbox, { developerApiKey: "wrong" }))),
    ).rejects.toMatchObject({ code: "auth", status: 401 });
    expect((await sandboxState(sandbox)).subscriptions).toHaveLength(0);
  });

  it("refuses deliveries that are not HubSpot's array of events", () => {
    const parse = (body: string) => contactCreatedTrigger.parse(Buffer.from(body), {});
    expect(parse('{"eventId":1}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a JSON array/) });
    expect(parse("[]")).toEqual({ ok: false, error: "the delivery holds no events" });
    expect(parse('[{"eventId":"x"}]')).toMatchObject({ ok: false, error: expect.stringMatching(/^event 0: eventId/) });
    expect(parse("[")).toMatchObject({ ok: false });
  });

  it("has samples that look like parsed events", () => {
    expect(contactCreatedTrigger.sample).toMatchObject({ lifecycle: "contact_created", contactId: "1001" });
    expect(dealStageChangedTrigger.sample).toMatchObject({ lifecycle: "deal_won", dealstage: "closedwon" });
  });
});
