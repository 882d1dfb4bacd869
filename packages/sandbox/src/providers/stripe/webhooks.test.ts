import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { STRIPE_SANDBOX_API_VERSION } from "./fixtures";
import { draftInvoice, type Json, type StripeTestClient, startStripeTest, startWebhookReceiver } from "./testing";

/** Stripe's documented check, written independently of the emulator's signing code. */
function verifyStripeSignature(header: string, body: string, secret: string): { timestamp: number; valid: boolean } {
  const parts = header.split(",").map((part) => part.split("=") as [string, string]);
  const timestamp = Number(parts.find(([name]) => name === "t")?.[1]);
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  const valid = parts
    .filter(([name]) => name === "v1")
    .some(([, hex]) => {
      const given = Buffer.from(hex, "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return { timestamp, valid };
}

describe("stripe sandbox: webhook endpoints and events", () => {
  let client: StripeTestClient;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
    receiver = await startWebhookReceiver();
  });
  afterEach(() => receiver.close());

  const post = (path: string, params: Record<string, unknown> = {}) => client.call("POST", path, params);

  it("manages endpoints and shows the secret only on create", async () => {
    const created = await post("/v1/webhook_endpoints", {
      url: receiver.url,
      enabled_events: ["invoice.paid"],
      description: "Handoff",
      metadata: { workspace: "w1" },
    });
    expect(created.body).toMatchObject({
      object: "webhook_endpoint",
      url: receiver.url,
      enabled_events: ["invoice.paid"],
      status: "enabled",
      description: "Handoff",
    });
    expect(created.body.id).toMatch(/^we_/);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id as string;
    expect((await client.call("GET", `/v1/webhook_endpoints/${id}`)).body.secret).toBeUndefined();
    const updated = await post(`/v1/webhook_endpoints/${id}`, { enabled_events: ["*"], disabled: true });
    expect(updated.body).toMatchObject({ enabled_events: ["*"], status: "disabled" });
    const listed = await client.call("GET", "/v1/webhook_endpoints");
    expect(listed.body.data.map((endpoint: Json) => endpoint.id)).toEqual([id]);
    expect(listed.body.data[0].secret).toBeUndefined();
    expect((await post("/v1/webhook_endpoints", { url: "ftp://x", enabled_events: ["*"] })).status).toBe(400);
    expect((await post("/v1/webhook_endpoints", { url: receiver.url })).body.error.param).toBe("enabled_events");
    expect((await client.call("DELETE", `/v1/webhook_endpoints/${id}`)).body.deleted).toBe(true);
    expect((await client.call("GET", `/v1/webhook_endpoints/${id}`)).status).toBe(404);
  });

  it("delivers only subscribed events, each signed with the endpoint secret", async () => {
    const endpoint = (
      await post("/v1/webhook_endpoints", {
        url: receiver.url,
        enabled_events: ["customer.created", "invoice.finalized"],
      })
    ).body;
    const { invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount: 1234 });
    await post(`/v1/invoices/${invoice.id}/finalize`);
    await client.sandbox.context.outbox.idle();

    const events = receiver.received.map((request) => JSON.parse(request.body) as Json);
    expect(events.map((event) => event.type)).toEqual(["customer.created", "invoice.finalized"]);
    for (const request of receiver.received) {
      const header = String(request.headers["stripe-signature"]);
      const { timestamp, valid } = verifyStripeSignature(header, request.body, endpoint.secret);
      expect(valid).toBe(true);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(300);
      expect(verifyStripeSignature(header, `${request.body} `, endpoint.secret).valid).toBe(false);
      expect(verifyStripeSignature(header, request.body, "whsec_other").valid).toBe(false);
    }
    const finalized = events[1];
    expect(finalized).toMatchObject({
      object: "event",
      api_version: STRIPE_SANDBOX_API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      data: { object: { id: invoice.id, object: "invoice", status: "open", amount_due: 1234 } },
    });
    expect(finalized.id).toMatch(/^evt_/);
    expect(finalized.request.id).toMatch(/^req_/);
  });

  it("signs with the moved clock, and `*` subscribes to everything", async () => {
    const endpoint = (await post("/v1/webhook_endpoints", { url: receiver.url, enabled_events: ["*"] })).body;
    await fetch(`${client.sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    });
    await post("/v1/customers", { email: "later@example.com" });
    await client.sandbox.context.outbox.idle();
    const [request] = receiver.received;
    const { timestamp, valid } = verifyStripeSignature(
      String(request?.headers["stripe-signature"]),
      request?.body ?? "",
      endpoint.secret,
    );
    expect(valid).toBe(true);
    expect(timestamp - Date.now() / 1000).toBeGreaterThan(3_500);
  });

  it("lists events newest first with type filters, previous_attributes and paging", async () => {
    const customer = (await post("/v1/customers", { email: "e@example.com", name: "Old" })).body;
    await post(`/v1/customers/${customer.id}`, { name: "New" });
    await draftInvoice(client);
    const all = (await client.call("GET", "/v1/events")).body;
    expect(all).toMatchObject({ object: "list", url: "/v1/events", has_more: false });
    expect(all.data.map((event: Json) => event.type)).toEqual([
      "invoice.created",
      "customer.created",
      "customer.updated",
      "customer.created",
    ]);
    const updated = (await client.call("GET", "/v1/events", { type: "customer.updated" })).body.data;
    expect(updated).toHaveLength(1);
    expect(updated[0].data.previous_attributes).toEqual({ name: "Old" });
    expect(updated[0].data.object.name).toBe("New");
    const customerEvents = (await client.call("GET", "/v1/events", { type: "customer.*" })).body.data;
    expect(customerEvents).toHaveLength(3);
    const page = (await client.call("GET", "/v1/events", { limit: 2 })).body;
    expect(page.has_more).toBe(true);
    const next = (await client.call("GET", "/v1/events", { limit: 2, starting_after: page.data[1].id })).body;
    expect(next.data.map((event: Json) => event.type)).toEqual(["customer.updated", "customer.created"]);
    expect((await client.call("GET", `/v1/events/${page.data[0].id}`)).body.id).toBe(page.data[0].id);
  });
});
