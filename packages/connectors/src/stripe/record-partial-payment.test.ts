import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordPartialPaymentAction } from "./record-partial-payment";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

/** An open invoice of 100.00 EUR. */
async function openInvoice(): Promise<{ invoiceId: string; customerId: string }> {
  const customer = await stripeApi(sandbox, "POST", "/v1/customers", { email: "jane.roe@example.com" });
  const invoice = await stripeApi(sandbox, "POST", "/v1/invoices", {
    customer: customer.id,
    currency: "eur",
    collection_method: "send_invoice",
    days_until_due: "14",
  });
  await stripeApi(sandbox, "POST", "/v1/invoiceitems", { invoice: invoice.id, amount: "10000" });
  await stripeApi(sandbox, "POST", `/v1/invoices/${invoice.id}/finalize`);
  return { invoiceId: invoice.id, customerId: customer.id };
}

const run = (props: Record<string, unknown>, idempotencyKey = "run-1:deposit") =>
  runAction(recordPartialPaymentAction, { props, connection: sandboxConnection(sandbox), idempotencyKey });

const invoicePayments = async (invoiceId: string): Promise<Json[]> =>
  (await stripeApi(sandbox, "GET", "/v1/invoice_payments", { invoice: invoiceId })).data;

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("record-partial-payment", () => {
  it("records a deposit as a payment record attached to the invoice, which stays open", async () => {
    const { invoiceId, customerId } = await openInvoice();
    const { output } = await run({
      invoiceId,
      amount: 3000,
      paymentMethod: "Cash",
      reference: "TILL-0042",
      paidAt: "2026-11-20T09:30:00Z",
    });
    expect(output).toMatchObject({
      invoiceId,
      status: "open",
      amount: 3000,
      amountPaid: 3000,
      amountRemaining: 7000,
      fullyPaid: false,
    });
    expect(output.paymentRecordId).toMatch(/^pr_/);
    const [record] = (await sandboxState(sandbox)).paymentRecords;
    expect(record).toMatchObject({
      id: output.paymentRecordId,
      amount_requested: { currency: "eur", value: 3000 },
      amount_guaranteed: { currency: "eur", value: 3000 },
      customer_details: { customer: customerId },
      payment_method_details: { type: "custom", custom: { display_name: "Cash" } },
      payment_reference: "TILL-0042",
      metadata: { handoff_idempotency_key: "run-1:deposit", handoff_invoice: invoiceId },
    });
  });

  it("marks the invoice paid once the payments cover it", async () => {
    const { invoiceId } = await openInvoice();
    await run({ invoiceId, amount: 3000 }, "run-1:deposit");
    const { output } = await run({ invoiceId, amount: "7000" }, "run-2:balance");
    expect(output).toMatchObject({ status: "paid", amountPaid: 10_000, amountRemaining: 0, fullyPaid: true });
    expect((await invoicePayments(invoiceId)).map((payment) => payment.amount_paid)).toEqual([7000, 3000]);
  });

  it("records once when the step runs twice, also after its payment settled the invoice", async () => {
    const { invoiceId } = await openInvoice();
    await run({ invoiceId, amount: 3000 });
    const again = await run({ invoiceId, amount: 3000 });
    expect(again.output).toMatchObject({ amountPaid: 3000, amountRemaining: 7000 });
    expect(await invoicePayments(invoiceId)).toHaveLength(1);

    const settle = await run({ invoiceId, amount: 7000 }, "run-2:balance");
    const retried = await run({ invoiceId, amount: 7000 }, "run-2:balance");
    expect(retried.output).toMatchObject({
      status: "paid",
      paymentRecordId: settle.output.paymentRecordId,
      fullyPaid: true,
    });
    expect(await invoicePayments(invoiceId)).toHaveLength(2);
  });

  it("refuses more than remains, and an invoice that is not open", async () => {
    const { invoiceId } = await openInvoice();
    const tooMuch = await failure(run({ invoiceId, amount: 10_001 }));
    expect(tooMuch).toMatchObject({ code: "validation", kind: "final" });
    expect(tooMuch.message).toContain("100.01 EUR is more than the 100.00 EUR remaining");
    await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/void`);
    const voided = await failure(run({ invoiceId, amount: 1000 }, "run-3:deposit"));
    expect(voided.message).toContain("payments can only be recorded on open or uncollectible invoices");
    expect((await sandboxState(sandbox)).paymentRecords).toEqual([]);
    expect(recordPartialPaymentAction.props.safeParse({ invoiceId, amount: 0 }).success).toBe(false);
    expect(recordPartialPaymentAction.props.safeParse({ invoiceId, amount: 12.5 }).success).toBe(false);
  });
});
