import type { Lifecycle } from "@handoff/connector-sdk";
import { parseInvoiceEvent, type StripeInvoiceEvent } from "./invoice-event";

const FINALIZED_AT = 1_795_165_200; // 2026-11-20T09:00:00Z
const DAY = 86_400;

/**
 * Jane Roe's invoice for a haircut (85.00 EUR, 10% loyalty coupon, 20% VAT on top: 91.80 EUR),
 * finalized on 20 November 2026 and due 14 days later, as API version 2025-09-30.clover renders it.
 */
function sampleInvoice(lifecycle: Lifecycle) {
  const paid = { paid: 9180, partially_paid: 3000 }[lifecycle as "paid" | "partially_paid"] ?? 0;
  const status = { paid: "paid", voided: "void" }[lifecycle as "paid" | "voided"] ?? "open";
  return {
    id: "in_1QhJx2HandoffSample0001",
    object: "invoice",
    account_country: "FR",
    account_name: "Salon Lumière",
    amount_due: 9180,
    amount_overpaid: 0,
    amount_paid: paid,
    amount_remaining: 9180 - paid,
    attempt_count: lifecycle === "payment_failed" ? 1 : 0,
    auto_advance: false,
    billing_reason: "manual",
    collection_method: "send_invoice",
    created: FINALIZED_AT - 600,
    currency: "eur",
    customer: "cus_RbWq8HandoffJR",
    customer_email: "jane.roe@example.com",
    customer_name: "Jane Roe",
    customer_phone: "+33612345678",
    default_tax_rates: [],
    description: "Haircut on Tuesday 24 November 2026, 14:00 Europe/Paris",
    discounts: ["di_1QhJx2HandoffSample"],
    due_date: FINALIZED_AT + 14 * DAY,
    hosted_invoice_url: "https://invoice.stripe.com/i/acct_1HandoffSample/test_YWNjdF8x",
    invoice_pdf: "https://pay.stripe.com/invoice/acct_1HandoffSample/test_YWNjdF8x/pdf",
    livemode: false,
    metadata: { handoff_dedupe_key: "8xKq2mZ7vT4nR9pW3sY6bD" },
    number: "7F3A21C0-0001",
    status,
    status_transitions: {
      finalized_at: FINALIZED_AT,
      marked_uncollectible_at: null,
      paid_at: status === "paid" ? FINALIZED_AT + 3 * DAY : null,
      voided_at: status === "void" ? FINALIZED_AT + DAY : null,
    },
    subtotal: 8500,
    subtotal_excluding_tax: 8500,
    total: 9180,
    total_discount_amounts: [{ amount: 850, discount: "di_1QhJx2HandoffSample" }],
    total_excluding_tax: 7650,
    total_taxes: [
      {
        amount: 1530,
        tax_behavior: "exclusive",
        tax_rate_details: { tax_rate: "txr_1HandoffVat20Exclusive" },
        taxability_reason: "standard_rated",
        taxable_amount: 7650,
        type: "tax_rate_details",
      },
    ],
  };
}

/** A realistic delivery of `type`, parsed exactly as a real one would be. */
export function sampleInvoiceEvent(type: string, lifecycle: Lifecycle): StripeInvoiceEvent {
  const invoice = sampleInvoice(lifecycle);
  const event = {
    id: "evt_1QhK3bHandoffSample0001",
    object: "event",
    api_version: "2025-09-30.clover",
    created: FINALIZED_AT + (lifecycle === "overdue" ? 15 * DAY : DAY),
    data: {
      object: invoice,
      ...(lifecycle === "partially_paid" ? { previous_attributes: { amount_paid: 0, amount_remaining: 9180 } } : {}),
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  const parsed = parseInvoiceEvent(Buffer.from(JSON.stringify(event)), lifecycle);
  if (!parsed.ok) throw new Error(`the ${type} sample does not parse: ${parsed.error}`);
  return parsed.payload;
}
