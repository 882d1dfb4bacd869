import type { SandboxClock } from "../../clock";
import { stripeErrors } from "./errors";
import type { FormReader } from "./params";
import type { SearchIndex } from "./search-index";
import type { Coupon, Customer, InvoiceRecord, StripeEvent, StripeStore, TaxRate } from "./store";

export interface StripeSandboxOptions {
  /** API keys the emulator accepts; the seeded `STRIPE_SANDBOX_SECRET_KEY` by default. */
  secretKeys?: string[];
  /** Requests per second per key before 429 `rate_limit` (Stripe's sandbox allows about 25). */
  rateLimitPerSecond?: number;
  /** How long (clock time) a customer change takes to show in `/v1/customers/search`. */
  searchLagMs?: number;
  /** How often the overdue sweep runs on its own, besides every clock tick; 0 turns it off. */
  overdueSweepIntervalMs?: number;
  /** The account's default currency, used when neither the invoice nor the customer has one. */
  defaultCurrency?: string;
}

export type ResolvedStripeOptions = Required<StripeSandboxOptions>;

/** Who caused an event: the API request (with its idempotency key), or nobody (sweeps, scripted actions). */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

export interface EmitOptions {
  previous?: Record<string, unknown>;
  request?: RequestInfo;
}

export type EventType =
  | "customer.created"
  | "customer.updated"
  | "customer.deleted"
  | "invoice.created"
  | "invoice.updated"
  | "invoice.deleted"
  | "invoice.finalized"
  | "invoice.sent"
  | "invoice.paid"
  | "invoice.payment_succeeded"
  | "invoice.payment_failed"
  | "invoice.voided"
  | "invoice.marked_uncollectible"
  | "invoice.overdue"
  | "invoice.overpaid"
  | "invoice_payment.paid"
  | "invoiceitem.created"
  | "invoiceitem.deleted";

export interface StripeRuntime {
  store: StripeStore;
  clock: SandboxClock;
  baseUrl: () => string;
  options: ResolvedStripeOptions;
  searchIndex: SearchIndex;
  emit: (type: EventType, object: unknown, options?: EmitOptions) => StripeEvent;
}

export interface RouteContext {
  rt: StripeRuntime;
  form: FormReader;
  pathParams: Record<string, string>;
  request: RequestInfo;
}

export function nowSeconds(rt: StripeRuntime): number {
  return Math.floor(rt.clock.nowMs() / 1000);
}

/** A live (not deleted) customer, or Stripe's resource_missing naming the parameter. */
export function getCustomer(rt: StripeRuntime, id: string, param = "id", status = 404): Customer {
  const customer = rt.store.customers.get(id);
  if (!customer || rt.store.deletedCustomers.has(id)) throw stripeErrors.noSuch("customer", id, param, status);
  return customer;
}

export function getInvoice(rt: StripeRuntime, id: string, param = "id", status = 404): InvoiceRecord {
  const invoice = rt.store.invoices.get(id);
  if (!invoice) throw stripeErrors.noSuch("invoice", id, param, status);
  return invoice;
}

export function getTaxRate(rt: StripeRuntime, id: string, param = "id", status = 404): TaxRate {
  const taxRate = rt.store.taxRates.get(id);
  if (!taxRate) throw stripeErrors.noSuch("tax_rate", id, param, status);
  return taxRate;
}

export function getCoupon(rt: StripeRuntime, id: string, param = "id", status = 404): Coupon {
  const coupon = rt.store.coupons.get(id);
  if (!coupon) throw stripeErrors.noSuch("coupon", id, param, status);
  return coupon;
}

/** Tax rates given by a body parameter: each must exist and be active, no duplicates. */
export function readTaxRateIds(rt: StripeRuntime, form: FormReader, key: string): string[] | undefined {
  const ids = form.strings(key);
  ids?.forEach((id, index) => {
    const param = `${form.param(key)}[${index}]`;
    const taxRate = getTaxRate(rt, id, param, 400);
    if (!taxRate.active) throw stripeErrors.invalid(param, `Tax rate ${id} is inactive and cannot be applied.`);
    if (ids.indexOf(id) !== index) throw stripeErrors.invalid(param, `Tax rate ${id} is listed more than once.`);
  });
  return ids;
}
