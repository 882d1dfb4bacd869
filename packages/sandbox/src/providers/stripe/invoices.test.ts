import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  STRIPE_SANDBOX_COUPON_10_PERCENT,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE,
} from "./fixtures";
import { draftInvoice, type Json, type StripeTestClient, startStripeTest } from "./testing";

const DAY = 86_400;

describe("stripe sandbox: invoices", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const post = (path: string, params: Record<string, unknown> | string = {}) => client.call("POST", path, params);
  const eventTypes = async () =>
    ((await client.call("GET", "/v1/events", { limit: 100 })).body.data as { type: string }[])
      .map((event) => event.type)
      .reverse();

  it("validates a new draft with Stripe's parameter errors", async () => {
    const noCustomer = await post("/v1/invoices", { currency: "gbp" });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.body.error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_missing",
      param: "customer",
    });
    const unknown = await post("/v1/invoices", { customer: "cus_missing" });
    expect(unknown.body.error).toMatchObject({ code: "resource_missing", param: "customer" });
    const customer = (await post("/v1/customers", { email: "a@example.com" })).body;
    const noDue = await post("/v1/invoices", { customer: customer.id, collection_method: "send_invoice" });
    expect(noDue.body.error).toMatchObject({ code: "parameter_missing", param: "days_until_due" });
    const badTax = await post("/v1/invoices", { customer: customer.id, default_tax_rates: ["txr_nope"] });
    expect(badTax.body.error).toMatchObject({ code: "resource_missing", param: "default_tax_rates[0]" });
  });

  it("computes discounts and exclusive tax across invoice items and lines", async () => {
    const { invoice } = await draftInvoice(client, {
      default_tax_rates: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE],
      discounts: [{ coupon: STRIPE_SANDBOX_COUPON_10_PERCENT }],
      metadata: { order: "A-1" },
    });
    expect(invoice).toMatchObject({
      object: "invoice",
      status: "draft",
      number: null,
      hosted_invoice_url: null,
      invoice_pdf: null,
      metadata: { order: "A-1" },
    });
    expect(invoice.discounts[0]).toMatch(/^di_/);
    expect("paid" in invoice).toBe(false);
    const item = await post("/v1/invoiceitems", { invoice: invoice.id, amount: 10_000, description: "Consulting" });
    expect(item.body).toMatchObject({ object: "invoiceitem", invoice: invoice.id, amount: 10_000, currency: "gbp" });
    await post(
      "/v1/invoiceitems",
      `invoice=${invoice.id}&price_data[currency]=gbp&price_data[unit_amount]=2500&quantity=2&description=Hours`,
    );
    const current = (await client.call("GET", `/v1/invoices/${invoice.id}`)).body;
    // 15000 − 10% (1500) = 13500, + 20% VAT per line (1800 + 900) = 16200.
    expect(current).toMatchObject({
      subtotal: 15_000,
      total: 16_200,
      total_excluding_tax: 13_500,
      amount_due: 16_200,
      amount_paid: 0,
      amount_remaining: 16_200,
      total_discount_amounts: [{ amount: 1500, discount: invoice.discounts[0] }],
      total_taxes: [
        {
          amount: 2700,
          tax_behavior: "exclusive",
          tax_rate_details: { tax_rate: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE },
          taxable_amount: 13_500,
          type: "tax_rate_details",
        },
      ],
    });
    const hours = current.lines.data[1];
    expect(hours).toMatchObject({
      object: "line_item",
      amount: 5000,
      quantity: 2,
      pricing: { type: "price_details", unit_amount_decimal: "2500" },
      parent: { type: "invoice_item_details" },
      taxes: [{ amount: 900, taxable_amount: 4500 }],
    });
    expect(hours.id).toMatch(/^il_/);
    expect(hours.parent.invoice_item_details.invoice_item).toMatch(/^ii_/);
  });

  it("adds several lines at once, with per-line inclusive tax overriding the defaults", async () => {
    const { invoice } = await draftInvoice(client, { default_tax_rates: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE] });
    const added = await post(`/v1/invoices/${invoice.id}/add_lines`, {
      lines: [
        { amount: 1000, description: "Taxed on top" },
        {
          price_data: { currency: "gbp", unit_amount: 600 },
          quantity: 2,
          tax_rates: [STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE],
        },
      ],
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ subtotal: 2200, total: 2400, total_excluding_tax: 2000 });
    expect(added.body.lines.data[1].taxes[0]).toMatchObject({ amount: 200, tax_behavior: "inclusive" });
    const badLine = await post(`/v1/invoices/${invoice.id}/add_lines`, { lines: [{ amount: 5 }, { quantity: 2 }] });
    expect(badLine.status).toBe(400);
    expect(badLine.body.error.param).toBe("lines[1][amount]");
    expect((await client.call("GET", `/v1/invoices/${invoice.id}`)).body.lines.data).toHaveLength(2);
  });

  it("finalizes: number, due date and working hosted links; money fields then freeze", async () => {
    const { customer, invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount: 4200, description: "Work" });
    const finalized = (await post(`/v1/invoices/${invoice.id}/finalize`)).body;
    expect(finalized.status).toBe("open");
    expect(finalized.number).toBe(`${customer.invoice_prefix}-0001`);
    expect(finalized.due_date).toBe(finalized.status_transitions.finalized_at + 30 * DAY);
    const page = await fetch(finalized.hosted_invoice_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(finalized.number);
    const pdf = await fetch(finalized.invoice_pdf);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const addItem = await post("/v1/invoiceitems", { invoice: invoice.id, amount: 1 });
    expect(addItem.body.error).toMatchObject({ type: "invalid_request_error", code: "invoice_not_editable" });
    const retax = await post(`/v1/invoices/${invoice.id}`, {
      default_tax_rates: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE],
    });
    expect(retax.body.error).toMatchObject({ code: "invoice_not_editable", param: "default_tax_rates" });
    expect((await post(`/v1/invoices/${invoice.id}`, { metadata: { note: "ok" } })).body.metadata).toEqual({
      note: "ok",
    });
    const again = await post(`/v1/invoices/${invoice.id}/finalize`);
    expect(again.body.error).toMatchObject({ code: "invoice_unexpected_state" });
    expect((await client.call("DELETE", `/v1/invoices/${invoice.id}`)).status).toBe(400);

    const second = await post("/v1/invoices", {
      customer: customer.id,
      collection_method: "send_invoice",
      due_date: 2e9,
    });
    await post("/v1/invoiceitems", { invoice: second.body.id, amount: 100 });
    expect((await post(`/v1/invoices/${second.body.id}/finalize`)).body.number).toBe(`${customer.invoice_prefix}-0002`);
  });

  it("enforces the state machine: void, uncollectible, out-of-band payment", async () => {
    const { invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount: 900 });
    const voidDraft = await post(`/v1/invoices/${invoice.id}/void`);
    expect(voidDraft.status).toBe(400);
    expect(voidDraft.body.error).toMatchObject({ code: "invoice_unexpected_state" });
    expect(voidDraft.body.error.message).toContain("status of draft");
    expect((await post(`/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: true })).status).toBe(400);
    await post(`/v1/invoices/${invoice.id}/finalize`);
    const uncollectible = await post(`/v1/invoices/${invoice.id}/mark_uncollectible`);
    expect(uncollectible.body.status).toBe("uncollectible");
    const paid = await post(`/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: true });
    expect(paid.body).toMatchObject({ status: "paid", amount_paid: 900, amount_remaining: 0 });
    expect((await post(`/v1/invoices/${invoice.id}/void`)).body.error.code).toBe("invoice_unexpected_state");
    expect((await post(`/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: true })).status).toBe(400);

    const other = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: other.invoice.id, amount: 100 });
    await post(`/v1/invoices/${other.invoice.id}/finalize`);
    expect((await post(`/v1/invoices/${other.invoice.id}/void`)).body.status).toBe("void");
    expect(await eventTypes()).toEqual(
      expect.arrayContaining(["invoice.marked_uncollectible", "invoice.paid", "invoice.voided"]),
    );
  });

  it("sends: finalizes a draft first, and refuses charge_automatically invoices", async () => {
    const { invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount: 500 });
    const sent = await post(`/v1/invoices/${invoice.id}/send`);
    expect(sent.body.status).toBe("open");
    const types = await eventTypes();
    expect(types.slice(types.indexOf("invoice.finalized"))).toEqual(["invoice.finalized", "invoice.sent"]);
    const customer = (await post("/v1/customers", { email: "auto@example.com" })).body;
    const automatic = await post("/v1/invoices", { customer: customer.id });
    expect((await post(`/v1/invoices/${automatic.body.id}/send`)).body.error.code).toBe("invoice_unexpected_state");
  });

  it("deletes drafts only", async () => {
    const { invoice } = await draftInvoice(client);
    expect((await client.call("DELETE", `/v1/invoices/${invoice.id}`)).body).toEqual({
      id: invoice.id,
      object: "invoice",
      deleted: true,
    });
    expect((await client.call("GET", `/v1/invoices/${invoice.id}`)).status).toBe(404);
  });

  it("lists with filters and expands the customer", async () => {
    const { customer, invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount: 500 });
    await post(`/v1/invoices/${invoice.id}/finalize`);
    await draftInvoice(client);
    const open = await client.call("GET", "/v1/invoices", { status: "open", expand: ["data.customer"] });
    expect(open.body.data.map((entry: Json) => entry.id)).toEqual([invoice.id]);
    expect(open.body.data[0].customer).toMatchObject({ id: customer.id, object: "customer" });
    const dueSoon = await client.call("GET", "/v1/invoices", {
      due_date: { lt: Math.floor(Date.now() / 1000) + 31 * DAY },
    });
    expect(dueSoon.body.data.map((entry: Json) => entry.id)).toContain(invoice.id);
    const dueLater = await client.call("GET", "/v1/invoices", {
      due_date: { gt: Math.floor(Date.now() / 1000) + 40 * DAY },
    });
    expect(dueLater.body.data).toEqual([]);
    const one = await client.call("GET", `/v1/invoices/${invoice.id}`, "expand[]=customer");
    expect(one.body.customer.email).toBe("ada@example.com");
    expect((await client.call("GET", `/v1/invoices/${invoice.id}`, "expand[]=nonsense")).status).toBe(400);
  });

  it("embeds ten lines and pages the rest through /lines", async () => {
    const { invoice } = await draftInvoice(client);
    const lines = Array.from({ length: 12 }, (_, index) => ({ amount: 100 + index, description: `L${index}` }));
    const added = (await post(`/v1/invoices/${invoice.id}/add_lines`, { lines })).body;
    expect(added.lines).toMatchObject({ has_more: true, total_count: 12, url: `/v1/invoices/${invoice.id}/lines` });
    expect(added.lines.data).toHaveLength(10);
    const first = (await client.call("GET", `/v1/invoices/${invoice.id}/lines`, { limit: 5 })).body;
    expect(first.data.map((line: Json) => line.description)).toEqual(["L0", "L1", "L2", "L3", "L4"]);
    const rest = (await client.call("GET", `/v1/invoices/${invoice.id}/lines`, { starting_after: first.data[4].id }))
      .body;
    expect(rest.data).toHaveLength(7);
    expect(rest.has_more).toBe(false);
  });

  it("leaves pending invoice items out unless pending_invoice_items_behavior=include", async () => {
    const customer = (await post("/v1/customers", { email: "p@example.com" })).body;
    const pending = await post("/v1/invoiceitems", { customer: customer.id, amount: 700, currency: "usd" });
    expect(pending.body.invoice).toBeNull();
    const excluded = await post("/v1/invoices", { customer: customer.id });
    expect(excluded.body.lines.data).toEqual([]);
    const included = await post("/v1/invoices", { customer: customer.id, pending_invoice_items_behavior: "include" });
    expect(included.body.subtotal).toBe(700);
    expect((await client.call("GET", `/v1/invoiceitems/${pending.body.id}`)).body.invoice).toBe(included.body.id);
  });

  it("finalizing an invoice with nothing due marks it paid at once", async () => {
    const { invoice } = await draftInvoice(client);
    const finalized = await post(`/v1/invoices/${invoice.id}/finalize`);
    expect(finalized.body.status).toBe("paid");
  });
});
