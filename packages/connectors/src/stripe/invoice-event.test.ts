import { ZLifecycle } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { stripeConnector } from "./index";
import type { StripeInvoiceEvent } from "./invoice-event";
import { invoicePaidTrigger } from "./invoice-paid";
import { invoicePaymentReceivedTrigger } from "./invoice-payment-received";

const invoice = {
  id: "in_1",
  object: "invoice",
  status: "open",
  number: "ABCD-0001",
  customer: "cus_1",
  customer_email: "Jane.Roe@Example.com",
  customer_name: null,
  currency: "eur",
  created: 1_795_165_200,
  due_date: 1_796_374_800,
  subtotal: 5400,
  total: 5400,
  amount_due: 5400,
  amount_paid: 2000,
  amount_remaining: 3400,
  metadata: { deposit_amount: "2000" },
};

const body = (event: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ id: "evt_1", object: "event", created: 1_795_200_000, livemode: false, ...event }));

function parse(trigger: typeof invoicePaidTrigger, event: Record<string, unknown>): StripeInvoiceEvent {
  const parsed = trigger.parse(body(event), {});
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.payload as StripeInvoiceEvent;
}

describe("Stripe invoice events", () => {
  it("keeps Stripe's event fields and adds the neutral invoice context", () => {
    const event = parse(invoicePaymentReceivedTrigger, {
      type: "invoice.updated",
      data: { object: invoice, previous_attributes: { amount_paid: 0, amount_remaining: 5400 } },
    });
    expect(event).toMatchObject({
      id: "evt_1",
      type: "invoice.updated",
      livemode: false,
      lifecycle: "partially_paid",
      paymentAmount: 2000,
      invoice: {
        id: "in_1",
        number: "ABCD-0001",
        customerEmail: "jane.roe@example.com",
        currency: "EUR",
        amountPaid: 2000,
        amountRemaining: 3400,
        deposit: 2000,
        dueDate: "2026-12-04T09:00:00.000Z",
      },
    });
    expect(invoicePaymentReceivedTrigger.matches?.(event, {})).toBe(true);
    expect(invoicePaymentReceivedTrigger.eventTime(event)?.toISOString()).toBe("2026-11-20T18:40:00.000Z");
    expect(invoicePaymentReceivedTrigger.summary?.(event)).toBe(
      "Invoice ABCD-0001 partially paid: 20.00 EUR received, 34.00 EUR remaining (jane.roe@example.com)",
    );
  });

  it("counts only invoice updates that raised amount_paid on an unpaid invoice as payments", () => {
    const updated = (previous: Record<string, unknown>, status = "open") =>
      parse(invoicePaymentReceivedTrigger, {
        type: "invoice.updated",
        data: { object: { ...invoice, status }, previous_attributes: previous },
      });
    expect(invoicePaymentReceivedTrigger.matches?.(updated({ description: null }), {})).toBe(false);
    expect(invoicePaymentReceivedTrigger.matches?.(updated({ amount_paid: 2000 }), {})).toBe(false);
    // The settling payment is the invoice.paid event; its invoice.updated twin would run twice.
    expect(invoicePaymentReceivedTrigger.matches?.(updated({ amount_paid: 0 }, "paid"), {})).toBe(false);
  });

  it("parses events about other objects without starting a run, and refuses broken ones", () => {
    const customer = parse(invoicePaidTrigger, {
      type: "customer.created",
      data: { object: { id: "cus_1", object: "customer" } },
    });
    expect(customer).toMatchObject({ invoice: null, lifecycle: "paid" });
    expect(invoicePaidTrigger.matches?.(customer, {})).toBe(false);
    expect(invoicePaidTrigger.summary?.(customer)).toBe("Stripe customer.created");
    expect(invoicePaidTrigger.businessKeys?.(customer)).toEqual([]);
    const finalized = parse(invoicePaidTrigger, { type: "invoice.finalized", data: { object: invoice } });
    expect(invoicePaidTrigger.matches?.(finalized, {})).toBe(false);

    expect(invoicePaidTrigger.parse(Buffer.from("not json"), {})).toMatchObject({ ok: false });
    expect(invoicePaidTrigger.parse(body({ type: "invoice.paid" }), {})).toEqual({
      ok: false,
      error: "not a Stripe event: data: Invalid input: expected object, received undefined",
    });
    const broken = invoicePaidTrigger.parse(
      body({ type: "invoice.paid", data: { object: { ...invoice, total: "54.00" } } }),
      {},
    );
    expect(broken).toEqual({
      ok: false,
      error: "event evt_1 has an invalid invoice: total: Invalid input: expected number, received string",
    });
  });

  it("has a realistic sample for every trigger, with its lifecycle", () => {
    const lifecycles = stripeConnector.triggers.map((trigger) => {
      if (trigger.kind !== "webhook") throw new Error("Stripe triggers are webhooks");
      const sample = trigger.sample as StripeInvoiceEvent;
      expect(ZLifecycle.safeParse(sample.lifecycle).success).toBe(true);
      expect(trigger.matches?.(sample, {}), trigger.key).toBe(true);
      return [trigger.key, sample.lifecycle, trigger.summary?.(sample)];
    });
    expect(lifecycles).toEqual([
      ["invoice-finalized", "invoiced", "Invoice 7F3A21C0-0001 finalized: 91.80 EUR due 2026-12-04 (Jane Roe)"],
      ["invoice-paid", "paid", "Invoice 7F3A21C0-0001 paid: 91.80 EUR (Jane Roe)"],
      [
        "invoice-payment-received",
        "partially_paid",
        "Invoice 7F3A21C0-0001 partially paid: 30.00 EUR received, 61.80 EUR remaining (Jane Roe)",
      ],
      ["invoice-payment-failed", "payment_failed", "Invoice 7F3A21C0-0001 payment failed: 91.80 EUR due (Jane Roe)"],
      ["invoice-overdue", "overdue", "Invoice 7F3A21C0-0001 overdue: 91.80 EUR remaining since 2026-12-04 (Jane Roe)"],
      ["invoice-voided", "voided", "Invoice 7F3A21C0-0001 voided: 91.80 EUR (Jane Roe)"],
    ]);
  });
});
