import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { draftInvoice, type Json, type StripeTestClient, startStripeTest } from "./testing";

describe("stripe sandbox: partial payments with payment records", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const post = (path: string, params: Record<string, unknown> = {}) => client.call("POST", path, params);
  const report = (value: number, extra: Record<string, unknown> = {}) =>
    post("/v1/payment_records/report_payment", {
      amount_requested: { value, currency: "gbp" },
      initiated_at: Math.floor(Date.now() / 1000),
      payment_method_details: { type: "custom", custom: { display_name: "Bank transfer" } },
      outcome: "guaranteed",
      ...extra,
    });

  async function openInvoice(amount: number) {
    const { invoice } = await draftInvoice(client);
    await post("/v1/invoiceitems", { invoice: invoice.id, amount });
    return (await post(`/v1/invoices/${invoice.id}/finalize`)).body;
  }

  it("reports a payment record with Stripe's shape and validates it", async () => {
    const record = await report(3000);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      object: "payment_record",
      amount_requested: { currency: "gbp", value: 3000 },
      amount_guaranteed: { currency: "gbp", value: 3000 },
      payment_method_details: { type: "custom", custom: { display_name: "Bank transfer" } },
    });
    expect(record.body.id).toMatch(/^pr_/);
    const missing = await post("/v1/payment_records/report_payment", { amount_requested: { value: 5 } });
    expect(missing.body.error).toMatchObject({ code: "parameter_missing", param: "amount_requested[currency]" });
  });

  it("keeps the invoice open until payments cover it, then marks it paid", async () => {
    const invoice = await openInvoice(10_000);
    const first = await post(`/v1/invoices/${invoice.id}/attach_payment`, {
      payment_record: (await report(4000)).body.id,
    });
    expect(first.body).toMatchObject({ status: "open", amount_paid: 4000, amount_remaining: 6000 });
    const again = await post(`/v1/invoices/${invoice.id}/attach_payment`, {
      payment_record: (await report(6000)).body.id,
      expand: ["payments"],
    });
    expect(again.body).toMatchObject({ status: "paid", amount_paid: 10_000, amount_remaining: 0 });
    expect(again.body.payments.data).toHaveLength(2);
    expect(again.body.payments.data[0]).toMatchObject({
      object: "invoice_payment",
      status: "paid",
      payment: { type: "payment_record" },
    });
    const listed = await client.call("GET", "/v1/invoice_payments", { invoice: invoice.id });
    expect(listed.body.data.map((payment: Json) => payment.amount_paid)).toEqual([6000, 4000]);
    const types = ((await client.call("GET", "/v1/events", { limit: 100 })).body.data as Json[]).map((e) => e.type);
    expect(types.filter((type) => type === "invoice_payment.paid")).toHaveLength(2);
    expect(types).toContain("invoice.paid");
    const updated = (await client.call("GET", "/v1/events", { type: "invoice.updated" })).body.data[0];
    expect(updated.data.previous_attributes).toMatchObject({ amount_paid: 0, amount_remaining: 10_000 });
  });

  it("credits nothing for a record that is not guaranteed, and refuses reuse or a draft", async () => {
    const invoice = await openInvoice(1000);
    const pending = (await report(1000, { outcome: undefined })).body;
    const attached = await post(`/v1/invoices/${invoice.id}/attach_payment`, { payment_record: pending.id });
    expect(attached.body).toMatchObject({ status: "open", amount_paid: 0 });
    const reuse = await post(`/v1/invoices/${invoice.id}/attach_payment`, { payment_record: pending.id });
    expect(reuse.status).toBe(400);
    const { invoice: draft } = await draftInvoice(client);
    const onDraft = await post(`/v1/invoices/${draft.id}/attach_payment`, {
      payment_record: (await report(5)).body.id,
    });
    expect(onDraft.body.error.code).toBe("invoice_unexpected_state");
    const unknown = await post(`/v1/invoices/${invoice.id}/attach_payment`, { payment_record: "pr_nope" });
    expect(unknown.body.error).toMatchObject({ code: "resource_missing", param: "payment_record" });
  });
});
