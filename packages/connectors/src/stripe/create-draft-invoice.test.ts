import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import {
  STRIPE_SANDBOX_COUPON_10_PERCENT,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE,
} from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDraftInvoiceAction } from "./create-draft-invoice";
import { couponOptions, taxRateOptions } from "./options";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";

let sandbox: SandboxServer;
let customerId: string;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await resetSandbox(sandbox);
  customerId = (await stripeApi(sandbox, "POST", "/v1/customers", { email: "jane.roe@example.com", name: "Jane Roe" }))
    .id;
});

const run = (props: Record<string, unknown>, idempotencyKey = "run-1:invoice") =>
  runAction(createDraftInvoiceAction, {
    props: { customerId, ...props },
    connection: sandboxConnection(sandbox),
    idempotencyKey,
  });

const haircut = { description: "Haircut", quantity: 1, unitAmount: 8500 };

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("create-draft-invoice", () => {
  it("creates a send_invoice draft with its lines, default tax, coupon and deposit, totalled by Stripe", async () => {
    const { output } = await run({
      lines: [haircut, { description: "Shampoo", quantity: "2", unitAmount: "750" }],
      defaultTaxRateIds: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE],
      couponId: STRIPE_SANDBOX_COUPON_10_PERCENT,
      deposit: 3000,
      description: "Haircut on Tuesday 24 November, 14:00 Europe/Paris",
      metadata: { crm_deal: "42" },
      dedupeKey: "booking-8xKq2m",
    });
    // 85.00 + 2 × 7.50 = 100.00; −10% = 90.00; +20% VAT = 108.00.
    expect(output).toMatchObject({
      created: true,
      customerId,
      status: "draft",
      number: null,
      currency: "EUR",
      subtotal: 10_000,
      discount: 1000,
      tax: 1800,
      total: 10_800,
      amountDue: 10_800,
      amountPaid: 0,
      amountRemaining: 10_800,
      deposit: 3000,
      hostedInvoiceUrl: null,
      invoicePdf: null,
    });
    const created = (output.invoice as Json).created as number;
    expect(output.dueDate).toBe(new Date((created + 14 * 86_400) * 1000).toISOString());
    const [invoice] = (await sandboxState(sandbox)).invoices;
    expect(invoice).toMatchObject({
      id: output.invoiceId,
      collection_method: "send_invoice",
      auto_advance: false,
      currency: "eur",
      metadata: { crm_deal: "42", handoff_dedupe_key: "booking-8xKq2m", deposit_amount: "3000" },
    });
    expect(invoice.lines.data.map((line: Json) => [line.description, line.quantity, line.amount])).toEqual([
      ["Haircut", 1, 8500],
      ["Shampoo", 2, 1500],
    ]);
  });

  it("lets a line's own tax rate replace the default, and takes a due date", async () => {
    const { output } = await run({
      lines: [
        haircut,
        { description: "Gift card", unitAmount: 1200, taxRateIds: [STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE] },
      ],
      defaultTaxRateIds: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE],
      dueDate: "2026-12-31T17:00:00Z",
    });
    // 85.00 + 17.00 exclusive VAT, and 12.00 with 2.00 VAT inside it.
    expect(output).toMatchObject({ subtotal: 9700, tax: 1900, total: 11_400, dueDate: "2026-12-31T17:00:00.000Z" });
  });

  it("creates one invoice when the same step runs twice with the same idempotency key", async () => {
    const first = await run({ lines: [haircut] });
    const again = await run({ lines: [haircut] });
    expect(again.output.invoiceId).toBe(first.output.invoiceId);
    const { invoices } = await sandboxState(sandbox);
    expect(invoices).toHaveLength(1);
    expect(invoices[0].lines.data).toHaveLength(1);
  });

  it("returns the invoice already made for the dedupe key when the run is replayed with a new key", async () => {
    const first = await run({ lines: [haircut], dedupeKey: "booking-1" }, "run-1:invoice");
    const replay = await run({ lines: [haircut], dedupeKey: "booking-1" }, "run-2:invoice");
    expect(replay.output).toMatchObject({ invoiceId: first.output.invoiceId, created: false, total: 8500 });
    const other = await run({ lines: [haircut], dedupeKey: "booking-2" }, "run-3:invoice");
    expect(other.output.invoiceId).not.toBe(first.output.invoiceId);
    expect((await sandboxState(sandbox)).invoices).toHaveLength(2);
  });

  it("does not count a voided invoice as the one for its dedupe key", async () => {
    const first = await run({ lines: [haircut], dedupeKey: "booking-1" }, "run-1:invoice");
    await stripeApi(sandbox, "POST", `/v1/invoices/${first.output.invoiceId}/finalize`);
    await stripeApi(sandbox, "POST", `/v1/invoices/${first.output.invoiceId}/void`);
    const again = await run({ lines: [haircut], dedupeKey: "booking-1" }, "run-2:invoice");
    expect(again.output).toMatchObject({ created: true, status: "draft" });
    expect(again.output.invoiceId).not.toBe(first.output.invoiceId);
  });

  it("pages through the customer's invoices to find the one for the dedupe key", async () => {
    const first = await run({ lines: [haircut], dedupeKey: "booking-old" }, "run-1:invoice");
    const form = { customer: customerId, collection_method: "send_invoice", days_until_due: "7" };
    for (let index = 0; index < 100; index += 1) await stripeApi(sandbox, "POST", "/v1/invoices", form);
    const replay = await run({ lines: [haircut], dedupeKey: "booking-old" }, "run-2:invoice");
    expect(replay.output).toMatchObject({ invoiceId: first.output.invoiceId, created: false });
    const lists = (await sandboxRequests(sandbox)).filter((r) => r.method === "GET" && r.path === "/v1/invoices");
    expect(lists.at(-1)?.query).toContain("starting_after=");
  });

  it("adds the lines to an empty draft a crashed run left behind for the dedupe key", async () => {
    const empty = await stripeApi(sandbox, "POST", "/v1/invoices", {
      customer: customerId,
      collection_method: "send_invoice",
      days_until_due: "14",
      currency: "eur",
      "metadata[handoff_dedupe_key]": "booking-1",
    });
    const { output } = await run({ lines: [haircut], dedupeKey: "booking-1" }, "run-2:invoice");
    expect(output).toMatchObject({ invoiceId: empty.id, created: false, total: 8500 });
    expect((await sandboxState(sandbox)).invoices).toHaveLength(1);
  });

  it("keeps Stripe's reason and parameter for a coupon or customer Stripe does not know", async () => {
    const coupon = await failure(run({ lines: [haircut], couponId: "NOPE" }));
    expect(coupon).toMatchObject({ code: "validation", kind: "final", status: 400 });
    expect(coupon.providerMessage).toBe("No such coupon: 'NOPE' (resource_missing, param discounts[0][coupon])");
    customerId = "cus_missing";
    const customer = await failure(run({ lines: [haircut] }));
    expect(customer.providerMessage).toBe("No such customer: 'cus_missing' (resource_missing, param customer)");
    expect((await sandboxState(sandbox)).invoices).toHaveLength(0);
  });

  it("checks its props before calling Stripe", () => {
    const parse = (props: Record<string, unknown>) =>
      createDraftInvoiceAction.props.safeParse({ customerId: "cus_1", lines: [haircut], ...props });
    expect(parse({ lines: [] }).success).toBe(false);
    expect(parse({ lines: [{ description: "x", unitAmount: 12.5 }] }).success).toBe(false);
    expect(parse({ daysUntilDue: 7, dueDate: "2026-12-31" }).success).toBe(false);
    expect(parse({ collectionMethod: "charge_automatically", daysUntilDue: 7 }).success).toBe(false);
    expect(parse({ customerId: "in_1" }).success).toBe(false);
    const parsed = parse({
      currency: "GBP",
      deposit: "",
      couponId: "",
      lines: [{ description: "Cut", unitAmount: "4500" }],
    });
    expect(parsed.data).toMatchObject({
      currency: "gbp",
      collectionMethod: "send_invoice",
      lines: [{ description: "Cut", quantity: 1, unitAmount: 4500 }],
    });
    expect(parsed.data?.deposit).toBeUndefined();
    expect(parsed.data?.couponId).toBeUndefined();
  });

  it("offers the account's tax rates and coupons as choices", async () => {
    const ctx = { connection: sandboxConnection(sandbox), props: {}, signal: new AbortController().signal };
    expect(await taxRateOptions(ctx)).toEqual([
      { label: "VAT 20% (inclusive, GB)", value: STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE },
      { label: "VAT 20% (exclusive, GB)", value: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE },
    ]);
    expect(await couponOptions(ctx)).toEqual([
      { label: "SANDBOX10 (10% off)", value: STRIPE_SANDBOX_COUPON_10_PERCENT },
    ]);
    expect(createDraftInvoiceAction.options).toEqual({ defaultTaxRateIds: taxRateOptions, couponId: couponOptions });
  });
});
