import { STRIPE_SANDBOX_ACCOUNT_ID } from "./fixtures";
import type { StripeRuntime } from "./runtime";
import type { InvoiceItem, InvoiceRecord, WebhookEndpoint } from "./store";
import { computeInvoiceTotals, type DiscountTerms, type InvoiceTotals, type TaxAmount } from "./totals";

/** The invoice object embeds only its first lines; the rest are read from `/lines`. */
const EMBEDDED_LINES = 10;

function discountTerms(rt: StripeRuntime, discountId: string): DiscountTerms {
  const couponId = rt.store.discounts.get(discountId)?.source.coupon ?? "";
  const coupon = rt.store.coupons.get(couponId);
  return { id: discountId, percentOff: coupon?.percent_off ?? null, amountOff: coupon?.amount_off ?? null };
}

function taxTerms(rt: StripeRuntime, ids: string[]) {
  return ids.flatMap((id) => {
    const rate = rt.store.taxRates.get(id);
    return rate ? [{ id, percentage: rate.percentage, inclusive: rate.inclusive }] : [];
  });
}

export function invoiceItemsOf(rt: StripeRuntime, invoice: InvoiceRecord): InvoiceItem[] {
  return invoice.itemIds.flatMap((id) => rt.store.invoiceItems.get(id) ?? []);
}

export function invoiceTotals(rt: StripeRuntime, invoice: InvoiceRecord): InvoiceTotals {
  return computeInvoiceTotals({
    lines: invoiceItemsOf(rt, invoice).map((item) => ({
      id: item.id,
      amount: item.amount,
      discountable: item.discountable,
      discounts: item.discountIds.map((id) => discountTerms(rt, id)),
      // A line's own tax rates replace the invoice's default ones.
      taxRates: taxTerms(rt, item.taxRateIds.length > 0 ? item.taxRateIds : invoice.defaultTaxRateIds),
    })),
    invoiceDiscounts: invoice.discountIds.map((id) => discountTerms(rt, id)),
  });
}

/** amount_due, amount_paid, amount_remaining and amount_overpaid (customer balance is always 0 here). */
export function invoiceAmounts(rt: StripeRuntime, invoice: InvoiceRecord, totals = invoiceTotals(rt, invoice)) {
  const due = Math.max(totals.total, 0);
  return {
    amount_due: due,
    amount_paid: invoice.amountPaid,
    amount_remaining: Math.max(due - invoice.amountPaid, 0),
    amount_overpaid: Math.max(invoice.amountPaid - due, 0),
  };
}

function renderTax(tax: TaxAmount) {
  return {
    amount: tax.amount,
    tax_behavior: tax.inclusive ? "inclusive" : "exclusive",
    tax_rate_details: { tax_rate: tax.taxRate },
    taxability_reason: "standard_rated",
    taxable_amount: tax.taxableAmount,
    type: "tax_rate_details",
  };
}

export function renderLine(item: InvoiceItem, invoice: InvoiceRecord, totals: InvoiceTotals) {
  const lineTotals = totals.lines.find((line) => line.id === item.id);
  return {
    id: item.lineId,
    object: "line_item",
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: lineTotals?.discountAmounts ?? [],
    discountable: item.discountable,
    discounts: item.discountIds,
    invoice: invoice.id,
    livemode: false,
    metadata: item.metadata,
    parent: {
      invoice_item_details: {
        invoice_item: item.id,
        proration: false,
        proration_details: { credited_items: null },
        subscription: null,
      },
      subscription_item_details: null,
      type: "invoice_item_details",
    },
    period: item.period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: item.price, product: item.product },
      type: "price_details",
      unit_amount_decimal: item.unitAmountDecimal,
    },
    quantity: item.quantity,
    taxes: (lineTotals?.taxes ?? []).map(renderTax),
  };
}

export function renderInvoiceItem(rt: StripeRuntime, item: InvoiceItem) {
  return {
    id: item.id,
    object: "invoiceitem",
    amount: item.amount,
    currency: item.currency,
    customer: item.customer,
    date: item.date,
    description: item.description,
    discountable: item.discountable,
    discounts: item.discountIds,
    invoice: item.invoice,
    livemode: false,
    metadata: item.metadata,
    parent: null,
    period: item.period,
    pricing: {
      price_details: { price: item.price, product: item.product },
      type: "price_details",
      unit_amount_decimal: item.unitAmountDecimal,
    },
    proration: false,
    quantity: item.quantity,
    tax_rates: item.taxRateIds.flatMap((id) => rt.store.taxRates.get(id) ?? []),
    test_clock: null,
  };
}

function hostedLinks(rt: StripeRuntime, invoice: InvoiceRecord) {
  if (invoice.status === "draft") return { hosted_invoice_url: null, invoice_pdf: null };
  const token = `test_${invoice.id}`;
  return {
    hosted_invoice_url: `${rt.baseUrl()}/stripe/i/${STRIPE_SANDBOX_ACCOUNT_ID}/${token}?s=ap`,
    invoice_pdf: `${rt.baseUrl()}/stripe/invoice/${STRIPE_SANDBOX_ACCOUNT_ID}/${token}/pdf?s=ap`,
  };
}

export function renderInvoice(rt: StripeRuntime, invoice: InvoiceRecord, options: { allLines?: boolean } = {}) {
  const totals = invoiceTotals(rt, invoice);
  const items = invoiceItemsOf(rt, invoice);
  const shown = options.allLines ? items : items.slice(0, EMBEDDED_LINES);
  const live = rt.store.customers.get(invoice.customer);
  const customer = invoice.customerSnapshot ?? live;
  return {
    id: invoice.id,
    object: "invoice",
    account_country: "GB",
    account_name: "Handoff Sandbox",
    account_tax_ids: null,
    ...invoiceAmounts(rt, invoice, totals),
    amount_shipping: 0,
    application: null,
    attempt_count: invoice.attemptCount,
    attempted: invoice.attemptCount > 0,
    auto_advance: invoice.autoAdvance,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: "manual",
    collection_method: invoice.collectionMethod,
    confirmation_secret: null,
    created: invoice.created,
    currency: invoice.currency,
    custom_fields: null,
    customer: invoice.customer,
    customer_address: customer?.address ?? null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer?.tax_exempt ?? "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: invoice.defaultTaxRateIds.flatMap((id) => rt.store.taxRates.get(id) ?? []),
    description: invoice.description,
    discounts: invoice.discountIds,
    due_date: invoice.dueDate,
    effective_at: invoice.effectiveAt,
    ending_balance: invoice.status === "draft" ? null : 0,
    footer: invoice.footer,
    from_invoice: null,
    ...hostedLinks(rt, invoice),
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: {
      object: "list",
      data: shown.map((item) => renderLine(item, invoice, totals)),
      has_more: shown.length < items.length,
      total_count: items.length,
      url: `/v1/invoices/${invoice.id}/lines`,
    },
    livemode: false,
    metadata: invoice.metadata,
    next_payment_attempt: null,
    number: invoice.number,
    on_behalf_of: null,
    parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: invoice.created,
    period_start: invoice.created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: invoice.status,
    status_transitions: invoice.statusTransitions,
    subtotal: totals.subtotal,
    subtotal_excluding_tax: totals.subtotalExcludingTax,
    test_clock: null,
    total: totals.total,
    total_discount_amounts: totals.totalDiscountAmounts,
    total_excluding_tax: totals.totalExcludingTax,
    total_pretax_credit_amounts: [],
    total_taxes: totals.totalTaxes.map(renderTax),
    webhooks_delivered_at: invoice.created,
  };
}

export type RenderedInvoice = ReturnType<typeof renderInvoice>;

/** The signing secret is shown once, in the create response, as Stripe does. */
export function renderWebhookEndpoint(endpoint: WebhookEndpoint, options: { withSecret?: boolean } = {}) {
  const { secret, ...rest } = endpoint;
  return options.withSecret ? { ...rest, secret } : rest;
}

/** Top-level fields that changed, with their old values: an event's `previous_attributes`. */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  const next = after as Record<string, unknown>;
  for (const [key, value] of Object.entries(before)) {
    if (JSON.stringify(value) !== JSON.stringify(next[key])) changed[key] = value;
  }
  return changed;
}
