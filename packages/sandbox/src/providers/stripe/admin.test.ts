import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  STRIPE_SANDBOX_COUPON_10_PERCENT,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE,
} from "./fixtures";
import { draftInvoice, type Json, type StripeTestClient, startStripeTest, startWebhookReceiver } from "./testing";

const DAY_MS = 86_400_000;

describe("stripe sandbox: scripted actions, overdue sweep, state and reset", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const post = (path: string, params: Record<string, unknown> = {}) => client.call("POST", path, params);
  const eventTypes = async () =>
    ((await client.call("GET", "/v1/events", { limit: 100 })).body.data as Json[]).map((event) => event.type).reverse();
  const moveClock = (advanceMs: number) =>
    fetch(`${client.sandbox.url}/_sandbox/clock`, { method: "POST", body: JSON.stringify({ advanceMs }) });

  async function openInvoice(amount: number, days = 30) {
    const { invoice } = await draftInvoice(client, { days_until_due: days });
    await post("/v1/invoiceitems", { invoice: invoice.id, amount });
    return (await post(`/v1/invoices/${invoice.id}/finalize`)).body;
  }

  it("pay without an amount settles the invoice as a card payment", async () => {
    const invoice = await openInvoice(2500);
    const paid = await client.admin("pay", { invoiceId: invoice.id });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ id: invoice.id, status: "paid", amount_paid: 2500, amount_remaining: 0 });
    const types = await eventTypes();
    expect(types.slice(types.indexOf("invoice_payment.paid"))).toEqual([
      "invoice_payment.paid",
      "invoice.payment_succeeded",
      "invoice.paid",
    ]);
    const payment = (await client.call("GET", "/v1/invoice_payments", { invoice: invoice.id })).body.data[0];
    expect(payment.payment.type).toBe("payment_intent");
  });

  it("pay with an amount is a partial payment; more than remains is refused", async () => {
    const invoice = await openInvoice(2500);
    const partial = await client.admin("pay", { invoiceId: invoice.id, amount: 1000 });
    expect(partial.body).toMatchObject({ status: "open", amount_paid: 1000, amount_remaining: 1500 });
    expect((await eventTypes()).slice(-2)).toEqual(["invoice_payment.paid", "invoice.updated"]);
    const over = await client.admin("pay", { invoiceId: invoice.id, amount: 1501 });
    expect(over.status).toBe(400);
    expect((await client.admin("pay", { invoiceId: invoice.id, amount: 1500 })).body.status).toBe("paid");
    expect((await client.admin("pay", { invoiceId: invoice.id })).status).toBe(400);
    expect((await client.admin("pay", { invoiceId: "in_missing" })).status).toBe(404);
    expect((await client.admin("pay", { amount: 5 })).status).toBe(400);
  });

  it("fail-payment records a declined attempt and emits invoice.payment_failed", async () => {
    const invoice = await openInvoice(800);
    const failed = await client.admin("fail-payment", { invoiceId: invoice.id });
    expect(failed.body).toMatchObject({ status: "open", attempt_count: 1, attempted: true });
    expect((await eventTypes()).at(-1)).toBe("invoice.payment_failed");
    const { invoice: draft } = await draftInvoice(client);
    expect((await client.admin("fail-payment", { invoiceId: draft.id })).status).toBe(400);
    expect((await client.admin("refund", {})).status).toBe(404);
  });

  it("emits invoice.overdue once, after the clock passes the due date", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await post("/v1/webhook_endpoints", { url: receiver.url, enabled_events: ["invoice.overdue"] });
      const due = await openInvoice(500, 1);
      const paidInTime = await openInvoice(500, 1);
      await client.admin("pay", { invoiceId: paidInTime.id });
      expect((await client.admin("tick", {})).body).toEqual({ overdue: 0 });
      await moveClock(2 * DAY_MS);
      await moveClock(DAY_MS);
      expect((await client.admin("tick", {})).body).toEqual({ overdue: 0 });
      await client.sandbox.context.outbox.idle();
      const overdue = receiver.received.map((request) => JSON.parse(request.body) as Json);
      expect(overdue.map((event) => [event.type, event.data.object.id])).toEqual([["invoice.overdue", due.id]]);
    } finally {
      receiver.close();
    }
  });

  it("shows its records in state() without webhook secrets, and reset goes back to the seed", async () => {
    await post("/v1/webhook_endpoints", { url: "http://127.0.0.1:9/hook", enabled_events: ["*"] });
    const invoice = await openInvoice(300);
    const state = (await (await fetch(`${client.sandbox.url}/_sandbox/state?provider=stripe`)).json()) as Json;
    expect(Object.keys(state).sort()).toEqual(
      [
        "coupons",
        "customers",
        "events",
        "invoiceItems",
        "invoices",
        "paymentRecords",
        "taxRates",
        "webhookEndpoints",
      ].sort(),
    );
    expect(state.customers).toHaveLength(1);
    expect(state.invoices[0]).toMatchObject({ id: invoice.id, status: "open", payments: [] });
    expect(state.invoices[0].lines.data).toHaveLength(1);
    expect(state.invoiceItems).toHaveLength(1);
    expect(state.webhookEndpoints[0].secret).toBeUndefined();
    expect(state.events.length).toBeGreaterThan(0);
    expect(state.taxRates.map((rate: Json) => rate.id)).toEqual([
      STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
      STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE,
    ]);

    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
    const after = (await (await fetch(`${client.sandbox.url}/_sandbox/state?provider=stripe`)).json()) as Json;
    expect(after).toMatchObject({ customers: [], invoices: [], events: [], webhookEndpoints: [] });
    expect(after.coupons.map((coupon: Json) => coupon.id)).toEqual([STRIPE_SANDBOX_COUPON_10_PERCENT]);
    expect((await client.call("GET", `/v1/invoices/${invoice.id}`)).status).toBe(404);
  });

  it("creates and lists tax rates and coupons", async () => {
    const rate = await post("/v1/tax_rates", { display_name: "GST", percentage: "12.5", inclusive: false });
    expect(rate.body).toMatchObject({ object: "tax_rate", percentage: 12.5, inclusive: false, active: true });
    expect((await post("/v1/tax_rates", { display_name: "x", inclusive: true })).body.error.param).toBe("percentage");
    const rates = (await client.call("GET", "/v1/tax_rates", { inclusive: false })).body.data;
    expect(rates.map((entry: Json) => entry.id)).toEqual([rate.body.id, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE]);
    const coupon = await post("/v1/coupons", { id: "FIVER", amount_off: 500, currency: "gbp", duration: "once" });
    expect(coupon.body).toMatchObject({ id: "FIVER", object: "coupon", amount_off: 500, currency: "gbp" });
    expect((await post("/v1/coupons", { id: "FIVER", percent_off: 5 })).body.error.code).toBe(
      "resource_already_exists",
    );
    expect((await post("/v1/coupons", { amount_off: 5 })).body.error.param).toBe("currency");
    expect((await client.call("GET", "/v1/coupons/FIVER")).body.id).toBe("FIVER");
    expect((await client.call("GET", "/v1/coupons")).body.data).toHaveLength(2);
  });
});
