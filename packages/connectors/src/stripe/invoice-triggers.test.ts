import type { WebhookSubscribeContext } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDraftInvoiceAction } from "./create-draft-invoice";
import { finalizeAndSendInvoiceAction } from "./finalize-and-send-invoice";
import { findOrCreateCustomerAction } from "./find-or-create-customer";
import type { StripeInvoiceEvent } from "./invoice-event";
import { invoiceFinalizedTrigger } from "./invoice-finalized";
import { invoiceOverdueTrigger } from "./invoice-overdue";
import { invoicePaidTrigger } from "./invoice-paid";
import { invoicePaymentFailedTrigger } from "./invoice-payment-failed";
import { invoicePaymentReceivedTrigger } from "./invoice-payment-received";
import { invoiceVoidedTrigger } from "./invoice-voided";
import { recordPartialPaymentAction } from "./record-partial-payment";
import {
  type CapturedDelivery,
  type Json,
  moveClock,
  resetSandbox,
  sandboxAction,
  sandboxConnection,
  sandboxState,
  startReceiver,
  startStripeSandbox,
} from "./test-support";
import { voidInvoiceAction } from "./void-invoice";

type InvoiceTrigger = typeof invoicePaidTrigger;

let sandbox: SandboxServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
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

function context(trigger: InvoiceTrigger): WebhookSubscribeContext<Record<string, never>> {
  return {
    props: {},
    connection: sandboxConnection(sandbox),
    hookUrl: `${receiver.url}/${trigger.key}`,
    hookSecret: "unused-stripe-chooses-the-secret",
    appHookUrl: () => "unused-by-stripe",
    signal: new AbortController().signal,
    log: () => {},
  };
}

async function subscribe(trigger: InvoiceTrigger) {
  if (!trigger.subscribe) throw new Error(`${trigger.key} cannot subscribe`);
  const subscription = await trigger.subscribe(context(trigger));
  if (!subscription.signingSecret) throw new Error("Stripe returned no signing secret");
  return { ...subscription, signingSecret: subscription.signingSecret };
}

/** What the ingest route does with one delivery: verify over the raw bytes, parse, then match. */
function ingest(trigger: InvoiceTrigger, delivery: CapturedDelivery, secret: string, now = new Date()) {
  const verified = trigger.verify({
    rawBody: delivery.rawBody,
    headers: delivery.headers,
    url: delivery.url,
    method: "POST",
    props: {},
    secret,
    now,
  });
  if (!verified.ok) throw new Error(verified.reason);
  const parsed = trigger.parse(delivery.rawBody, delivery.headers);
  if (!parsed.ok) throw new Error(parsed.error);
  return { payload: parsed.payload, matched: trigger.matches?.(parsed.payload, {}) ?? true };
}

/** The events a trigger's endpoint received that start a run, verified with its own secret. */
async function runsOf(trigger: InvoiceTrigger, secret: string, now?: Date): Promise<StripeInvoiceEvent[]> {
  await sandbox.context.outbox.idle();
  return receiver.received
    .filter((delivery) => delivery.url.endsWith(`/${trigger.key}`))
    .map((delivery) => ingest(trigger, delivery, secret, now))
    .filter((result) => result.matched)
    .map((result) => result.payload as StripeInvoiceEvent);
}

/** Jane Roe's 54.00 EUR haircut invoice, made and sent by the connector's own actions. */
async function sentInvoice(daysUntilDue = 14): Promise<string> {
  const connection = sandboxConnection(sandbox);
  const customer = await runAction(findOrCreateCustomerAction, {
    props: { email: "Jane.Roe@example.com", name: "Jane Roe" },
    connection,
    idempotencyKey: "run-1:customer",
  });
  const draft = await runAction(createDraftInvoiceAction, {
    props: {
      customerId: customer.output.customerId,
      lines: [{ description: "Haircut", unitAmount: 5400 }],
      daysUntilDue,
      dedupeKey: "booking-8xKq2m",
    },
    connection,
    idempotencyKey: "run-1:invoice",
  });
  await runAction(finalizeAndSendInvoiceAction, {
    props: { invoiceId: draft.output.invoiceId },
    connection,
    idempotencyKey: "run-1:send",
  });
  return draft.output.invoiceId;
}

describe("Stripe invoice triggers", () => {
  it("registers a webhook endpoint per trigger, replaces a stale one at the same URL and removes it", async () => {
    const first = await subscribe(invoicePaidTrigger);
    expect(first.state).toEqual({ endpointId: expect.stringMatching(/^we_/) });
    expect(first.signingSecret).toMatch(/^whsec_/);
    const second = await subscribe(invoicePaidTrigger);
    const received = await subscribe(invoicePaymentReceivedTrigger);
    const endpoints = (await sandboxState(sandbox)).webhookEndpoints as Json[];
    expect(
      endpoints.map((endpoint) => [endpoint.id, endpoint.url, endpoint.enabled_events, endpoint.api_version]),
    ).toEqual([
      [(second.state as Json).endpointId, `${receiver.url}/invoice-paid`, ["invoice.paid"], "2025-09-30.clover"],
      [
        (received.state as Json).endpointId,
        `${receiver.url}/invoice-payment-received`,
        ["invoice.updated", "invoice.paid"],
        "2025-09-30.clover",
      ],
    ]);
    const unsubscribe = async (state: unknown) =>
      invoicePaidTrigger.unsubscribe?.({ ...context(invoicePaidTrigger), state: state as Json });
    await unsubscribe(second.state);
    await unsubscribe(second.state); // already gone: not an error
    expect((await sandboxState(sandbox)).webhookEndpoints).toHaveLength(1);
    await expect(unsubscribe({})).rejects.toThrow(/no Stripe webhook endpoint id/);
  });

  it("delivers signed events for finalize, a partial payment and the rest, with their lifecycles", async () => {
    const finalized = await subscribe(invoiceFinalizedTrigger);
    const received = await subscribe(invoicePaymentReceivedTrigger);
    const paid = await subscribe(invoicePaidTrigger);
    const invoiceId = await sentInvoice();
    await sandboxAction(sandbox, "pay", { invoiceId, amount: 2000 });
    await sandboxAction(sandbox, "pay", { invoiceId });

    const [finalEvent, ...moreFinalized] = await runsOf(invoiceFinalizedTrigger, finalized.signingSecret);
    expect(moreFinalized).toEqual([]);
    expect(finalEvent).toMatchObject({ type: "invoice.finalized", lifecycle: "invoiced" });
    const invoice = finalEvent?.invoice;
    expect(invoice).toMatchObject({
      id: invoiceId,
      status: "open",
      customerEmail: "jane.roe@example.com",
      currency: "EUR",
      total: 5400,
      amountDue: 5400,
      amountRemaining: 5400,
      dedupeKey: "booking-8xKq2m",
    });
    expect(invoice?.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    expect(invoice?.hostedInvoiceUrl).toContain("/stripe/i/");
    expect(invoice?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    if (!finalEvent || !invoice) throw new Error("no finalized event");
    expect(invoiceFinalizedTrigger.summary?.(finalEvent)).toBe(
      `Invoice ${invoice.number} finalized: 54.00 EUR due ${invoice.dueDate?.slice(0, 10)} (Jane Roe)`,
    );
    expect(invoiceFinalizedTrigger.businessKeys?.(finalEvent)).toEqual([
      invoice.number,
      invoiceId,
      "jane.roe@example.com",
      invoice.customerId,
      "booking-8xKq2m",
    ]);
    expect(invoiceFinalizedTrigger.eventId(finalEvent, {})).toMatch(/^evt_/);
    expect(Math.abs((invoiceFinalizedTrigger.eventTime(finalEvent)?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);

    const payments = await runsOf(invoicePaymentReceivedTrigger, received.signingSecret);
    expect(
      payments.map((event) => [event.type, event.lifecycle, event.paymentAmount, event.invoice?.amountRemaining]),
    ).toEqual([
      ["invoice.updated", "partially_paid", 2000, 3400],
      ["invoice.paid", "paid", null, 0],
    ]);
    const [partial] = payments;
    if (!partial) throw new Error("no partial payment");
    expect(invoicePaymentReceivedTrigger.summary?.(partial)).toBe(
      `Invoice ${invoice.number} partially paid: 20.00 EUR received, 34.00 EUR remaining (Jane Roe)`,
    );

    const paidEvents = await runsOf(invoicePaidTrigger, paid.signingSecret);
    expect(paidEvents.map((event) => [event.lifecycle, event.invoice?.amountPaid, event.invoice?.status])).toEqual([
      ["paid", 5400, "paid"],
    ]);
    expect(invoicePaidTrigger.summary?.(paidEvents[0] as StripeInvoiceEvent)).toBe(
      `Invoice ${invoice.number} paid: 54.00 EUR (Jane Roe)`,
    );
  });

  it("emits payment_failed, partially_paid for a recorded deposit, and voided", async () => {
    const failed = await subscribe(invoicePaymentFailedTrigger);
    const received = await subscribe(invoicePaymentReceivedTrigger);
    const voided = await subscribe(invoiceVoidedTrigger);
    const invoiceId = await sentInvoice();
    const connection = sandboxConnection(sandbox);
    await sandboxAction(sandbox, "fail-payment", { invoiceId });
    await runAction(recordPartialPaymentAction, { props: { invoiceId, amount: 1500 }, connection });
    await runAction(voidInvoiceAction, { props: { invoiceId }, connection });

    expect((await runsOf(invoicePaymentFailedTrigger, failed.signingSecret)).map((event) => event.lifecycle)).toEqual([
      "payment_failed",
    ]);
    const deposits = await runsOf(invoicePaymentReceivedTrigger, received.signingSecret);
    expect(deposits.map((event) => [event.lifecycle, event.paymentAmount, event.invoice?.amountRemaining])).toEqual([
      ["partially_paid", 1500, 3900],
    ]);
    const voids = await runsOf(invoiceVoidedTrigger, voided.signingSecret);
    expect(voids.map((event) => [event.lifecycle, event.invoice?.status, event.invoice?.voidedAt !== null])).toEqual([
      ["voided", "void", true],
    ]);
  });

  it("emits overdue once the sandbox clock passes the due date", async () => {
    const overdue = await subscribe(invoiceOverdueTrigger);
    await sentInvoice(1);
    expect(await runsOf(invoiceOverdueTrigger, overdue.signingSecret)).toEqual([]);
    const later = await moveClock(sandbox, 2 * 86_400_000);
    // Signed at the sandbox's "now", two days ahead of the real clock: verified against that time.
    const [event, ...more] = await runsOf(invoiceOverdueTrigger, overdue.signingSecret, later);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ type: "invoice.overdue", lifecycle: "overdue", invoice: { status: "open" } });
    expect(invoiceOverdueTrigger.summary?.(event as StripeInvoiceEvent)).toMatch(
      /^Invoice [A-Z0-9]{8}-0001 overdue: 54\.00 EUR remaining since \d{4}-\d{2}-\d{2} \(Jane Roe\)$/,
    );
    // The same delivery checked against the real clock is dated two days ahead, and refused.
    await expect(runsOf(invoiceOverdueTrigger, overdue.signingSecret)).rejects.toThrow(/in the future/);
  });
});
