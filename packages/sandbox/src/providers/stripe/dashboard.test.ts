import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "./fixtures";
import { type Json, type StripeTestClient, startStripeTest } from "./testing";

describe("stripe sandbox: what the business does in the dashboard", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const eventTypes = async () =>
    ((await client.call("GET", "/v1/events", { limit: 100 })).body.data as Json[]).map((event) => event.type).reverse();

  it("issue-invoice finalizes and sends one invoice with tax and discount, reusing the customer by email", async () => {
    const issued = await client.admin("issue-invoice", {
      email: "Jane.Roe@Example.com",
      name: "Jane Roe",
      description: "Colour",
      amount: 8500,
      taxRate: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
      coupon: STRIPE_SANDBOX_COUPON_10_PERCENT,
      daysUntilDue: 7,
    });
    expect(issued.status).toBe(201);
    // 85.00 − 10% = 76.50, + 20% VAT = 91.80.
    expect(issued.body).toMatchObject({
      status: "open",
      currency: "eur",
      collection_method: "send_invoice",
      customer_email: "jane.roe@example.com",
      subtotal: 8500,
      total: 9180,
      amount_remaining: 9180,
    });
    expect(issued.body.number).toMatch(/-0001$/);
    expect(issued.body.hosted_invoice_url).toMatch(/^http/);
    expect(issued.body.due_date - issued.body.status_transitions.finalized_at).toBe(7 * 86_400);
    expect(await eventTypes()).toEqual(
      expect.arrayContaining(["customer.created", "invoice.created", "invoice.finalized", "invoice.sent"]),
    );

    const again = await client.admin("issue-invoice", {
      email: "jane.roe@example.com",
      description: "Cut",
      amount: 4000,
    });
    expect(again.body.customer).toBe(issued.body.customer);
    expect(again.body.number).toMatch(/-0002$/);
    expect((await client.call("GET", "/v1/customers", {})).body.data).toHaveLength(1);
  });

  it("issue-invoice refuses bad input with the reason", async () => {
    const missing = await client.admin("issue-invoice", { email: "a@example.com", description: "Cut" });
    expect(missing).toMatchObject({ status: 400, body: { error: expect.stringContaining("amount") } });
    const unknownTax = await client.admin("issue-invoice", {
      email: "a@example.com",
      description: "Cut",
      amount: 100,
      taxRate: "txr_nope",
    });
    expect(unknownTax).toMatchObject({ status: 400, body: { error: "No such tax_rate: 'txr_nope'" } });
  });

  it("overdue ages one invoice past its due date and sends invoice.overdue once, leaving the clock alone", async () => {
    const issued = await client.admin("issue-invoice", { email: "a@example.com", description: "Cut", amount: 4000 });
    const before = Date.now();
    const overdue = await client.admin("overdue", { invoiceId: issued.body.id, daysLate: 3 });
    expect(overdue.status).toBe(200);
    expect(overdue.body).toMatchObject({ id: issued.body.id, status: "open" });
    expect(before / 1000 - overdue.body.due_date).toBeGreaterThanOrEqual(3 * 86_400 - 1);
    expect(before / 1000 - overdue.body.due_date).toBeLessThan(3 * 86_400 + 5);
    const events = (await client.call("GET", "/v1/events", { type: "invoice.overdue" })).body.data as Json[];
    expect(events.map((event) => event.data.object.id)).toEqual([issued.body.id]);
    // Signatures stay on the real clock, so a receiver does not refuse the delivery.
    expect(Math.abs(events[0].created - Date.now() / 1000)).toBeLessThan(5);
    await client.admin("overdue", { invoiceId: issued.body.id });
    expect((await eventTypes()).filter((type) => type === "invoice.overdue")).toHaveLength(1);
  });

  it("overdue refuses an invoice that cannot be overdue", async () => {
    const issued = await client.admin("issue-invoice", { email: "a@example.com", description: "Cut", amount: 4000 });
    await client.admin("pay", { invoiceId: issued.body.id });
    expect(await client.admin("overdue", { invoiceId: issued.body.id })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining("has status paid") },
    });
    expect((await client.admin("overdue", { invoiceId: "in_missing" })).status).toBe(404);
    expect((await client.admin("overdue", {})).status).toBe(400);
  });
});
