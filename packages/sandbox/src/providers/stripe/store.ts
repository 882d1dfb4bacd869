import {
  STRIPE_SANDBOX_COUPON_10_PERCENT,
  STRIPE_SANDBOX_SEED_CREATED,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
  STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE,
} from "./fixtures";
import type { Metadata } from "./params";

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface Customer {
  id: string;
  object: "customer";
  address: Address | null;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  discount: null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: {
    custom_fields: null;
    default_payment_method: null;
    footer: string | null;
    rendering_options: null;
  };
  livemode: false;
  metadata: Metadata;
  name: string | null;
  next_invoice_sequence: number;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: "none" | "exempt" | "reverse";
  test_clock: null;
}

export interface TaxRate {
  id: string;
  object: "tax_rate";
  active: boolean;
  country: string | null;
  created: number;
  description: string | null;
  display_name: string;
  effective_percentage: number;
  flat_amount: null;
  inclusive: boolean;
  jurisdiction: string | null;
  jurisdiction_level: null;
  livemode: false;
  metadata: Metadata;
  percentage: number;
  rate_type: "percentage";
  state: string | null;
  tax_type: string | null;
}

export interface Coupon {
  id: string;
  object: "coupon";
  amount_off: number | null;
  created: number;
  currency: string | null;
  duration: "once" | "repeating" | "forever";
  duration_in_months: number | null;
  livemode: false;
  max_redemptions: number | null;
  metadata: Metadata;
  name: string | null;
  percent_off: number | null;
  redeem_by: number | null;
  times_redeemed: number;
  valid: boolean;
}

/** Clover shape: the coupon lives in `source`, no longer auto-expanded. */
export interface Discount {
  id: string;
  object: "discount";
  checkout_session: null;
  customer: string;
  end: null;
  invoice: string | null;
  invoice_item: string | null;
  promotion_code: null;
  source: { coupon: string; type: "coupon" };
  start: number;
  subscription: null;
  subscription_item: null;
}

/** One line of money; every invoice line (also those from `add_lines`) is backed by one. */
export interface InvoiceItem {
  id: string;
  lineId: string;
  customer: string;
  invoice: string | null;
  currency: string;
  amount: number;
  quantity: number;
  unitAmountDecimal: string;
  description: string | null;
  discountable: boolean;
  discountIds: string[];
  taxRateIds: string[];
  metadata: Metadata;
  period: { start: number; end: number };
  date: number;
  price: string;
  product: string;
}

export type InvoiceStatus = "draft" | "open" | "paid" | "void" | "uncollectible";

export interface InvoiceRecord {
  id: string;
  customer: string;
  created: number;
  currency: string;
  status: InvoiceStatus;
  collectionMethod: "charge_automatically" | "send_invoice";
  daysUntilDue: number | null;
  dueDate: number | null;
  effectiveAt: number | null;
  autoAdvance: boolean;
  description: string | null;
  footer: string | null;
  metadata: Metadata;
  number: string | null;
  defaultTaxRateIds: string[];
  discountIds: string[];
  itemIds: string[];
  paymentIds: string[];
  /** Money actually received (payments, or the whole amount when paid out of band). */
  amountPaid: number;
  attemptCount: number;
  statusTransitions: {
    finalized_at: number | null;
    marked_uncollectible_at: number | null;
    paid_at: number | null;
    voided_at: number | null;
  };
  /** The customer's details are frozen onto the invoice at finalization. */
  customerSnapshot: Pick<Customer, "email" | "name" | "phone" | "address" | "tax_exempt"> | null;
  overdueNotified: boolean;
}

export interface Money {
  currency: string;
  value: number;
}

export interface PaymentRecord {
  id: string;
  object: "payment_record";
  amount_canceled: Money;
  amount_failed: Money;
  amount_guaranteed: Money;
  amount_refunded: Money;
  amount_requested: Money;
  created: number;
  customer_details: { customer: string | null; email: string | null; name: string | null; phone: string | null } | null;
  customer_presence: "off_session" | "on_session" | null;
  description: string | null;
  latest_payment_attempt_record: string;
  livemode: false;
  metadata: Metadata;
  payment_method_details: {
    billing_details: null;
    custom: { display_name: string | null; type: string | null } | null;
    payment_method: null;
    type: string;
  };
  payment_reference: string | null;
  processor_details: { custom: { payment_reference: string | null }; type: "custom" } | null;
  shipping_details: null;
}

export interface InvoicePayment {
  id: string;
  object: "invoice_payment";
  amount_paid: number | null;
  amount_requested: number;
  created: number;
  currency: string;
  invoice: string;
  is_default: boolean;
  livemode: false;
  payment: { type: "payment_intent"; payment_intent: string } | { type: "payment_record"; payment_record: string };
  status: "open" | "paid" | "canceled";
  status_transitions: { canceled_at: number | null; paid_at: number | null };
}

export interface WebhookEndpoint {
  id: string;
  object: "webhook_endpoint";
  api_version: string | null;
  application: null;
  created: number;
  description: string | null;
  enabled_events: string[];
  livemode: false;
  metadata: Metadata;
  secret: string;
  status: "enabled" | "disabled";
  url: string;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** Maps keep insertion order, which is creation order: lists read them newest first. */
export interface StripeStore {
  customers: Map<string, Customer>;
  deletedCustomers: Set<string>;
  taxRates: Map<string, TaxRate>;
  coupons: Map<string, Coupon>;
  discounts: Map<string, Discount>;
  invoiceItems: Map<string, InvoiceItem>;
  invoices: Map<string, InvoiceRecord>;
  paymentRecords: Map<string, PaymentRecord>;
  invoicePayments: Map<string, InvoicePayment>;
  webhookEndpoints: Map<string, WebhookEndpoint>;
  events: Map<string, StripeEvent>;
}

export function createStripeStore(): StripeStore {
  const store: StripeStore = {
    customers: new Map(),
    deletedCustomers: new Set(),
    taxRates: new Map(),
    coupons: new Map(),
    discounts: new Map(),
    invoiceItems: new Map(),
    invoices: new Map(),
    paymentRecords: new Map(),
    invoicePayments: new Map(),
    webhookEndpoints: new Map(),
    events: new Map(),
  };
  for (const [id, inclusive] of [
    [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE, false],
    [STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE, true],
  ] as const) {
    store.taxRates.set(id, {
      id,
      object: "tax_rate",
      active: true,
      country: "GB",
      created: STRIPE_SANDBOX_SEED_CREATED,
      description: inclusive ? "UK VAT (prices include VAT)" : "UK VAT",
      display_name: "VAT",
      effective_percentage: 20,
      flat_amount: null,
      inclusive,
      jurisdiction: "GB",
      jurisdiction_level: null,
      livemode: false,
      metadata: {},
      percentage: 20,
      rate_type: "percentage",
      state: null,
      tax_type: "vat",
    });
  }
  store.coupons.set(STRIPE_SANDBOX_COUPON_10_PERCENT, {
    id: STRIPE_SANDBOX_COUPON_10_PERCENT,
    object: "coupon",
    amount_off: null,
    created: STRIPE_SANDBOX_SEED_CREATED,
    currency: null,
    duration: "once",
    duration_in_months: null,
    livemode: false,
    max_redemptions: null,
    metadata: {},
    name: "10% off",
    percent_off: 10,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  });
  return store;
}

export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}
