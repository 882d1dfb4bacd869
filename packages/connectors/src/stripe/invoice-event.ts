import {
  type JsonObject,
  type Lifecycle,
  normalizeEmail,
  parseJsonObjectBody,
  truncateText,
  type WebhookParseResult,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { depositOf } from "./invoices";
import { formatMinor } from "./money";
import { customerIdOf, DEDUPE_KEY_METADATA, isoFromUnix, type StripeInvoice, ZInvoice } from "./stripe-objects";

/** The invoice in provider-neutral terms, the same whichever invoicing tool sent it. */
export type InvoiceContext = {
  id: string;
  number: string | null;
  status: string | null;
  customerId: string | null;
  /** Lower-cased: the identity key. */
  customerEmail: string | null;
  customerName: string | null;
  customerPhone: string | null;
  /** ISO 4217, upper-case; amounts are integers in the currency's minor unit (cents). */
  currency: string;
  subtotal: number;
  tax: number;
  discount: number;
  total: number;
  amountDue: number;
  amountPaid: number;
  amountRemaining: number;
  deposit: number | null;
  /** ISO 8601 instants in UTC: Stripe keeps no time zone on invoices. */
  dueDate: string | null;
  finalizedAt: string | null;
  paidAt: string | null;
  voidedAt: string | null;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  /** The business key create-draft-invoice stored (e.g. the booking uid), when there is one. */
  dedupeKey: string | null;
  metadata: Record<string, string>;
};

/** What an invoice trigger emits: Stripe's event fields, then the neutral context. */
export type StripeInvoiceEvent = {
  readonly [providerField: string]: unknown;
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  data: { object: JsonObject; previous_attributes?: JsonObject | undefined };
  lifecycle: Lifecycle;
  /** Null for an event about something other than an invoice (it does not start a run). */
  invoice: InvoiceContext | null;
  /** This payment's amount, when the event says it (an invoice.updated whose amount_paid rose). */
  paymentAmount: number | null;
};

const ZEvent = z.looseObject({
  id: z.string().min(1, { error: "is required" }),
  object: z.literal("event", { error: 'must be "event"' }),
  type: z.string().min(1, { error: "is required" }),
  created: z.number().int({ error: "must be unix seconds" }),
  data: z.looseObject({
    object: z.custom<JsonObject>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
      error: "must be an object",
    }),
    previous_attributes: z.custom<JsonObject>((value) => typeof value === "object" && value !== null).optional(),
  }),
});

type Event = z.output<typeof ZEvent>;

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
const sum = (items: readonly { amount: number }[] | undefined) =>
  (items ?? []).reduce((total, item) => total + item.amount, 0);

function invoiceContext(invoice: StripeInvoice): InvoiceContext {
  const metadata = invoice.metadata ?? {};
  return {
    id: invoice.id,
    number: text(invoice.number),
    status: invoice.status,
    customerId: customerIdOf(invoice),
    customerEmail: normalizeEmail(invoice.customer_email ?? undefined) ?? null,
    customerName: text(invoice.customer_name),
    customerPhone: text(invoice.customer_phone),
    currency: invoice.currency.toUpperCase(),
    subtotal: invoice.subtotal,
    tax: sum(invoice.total_taxes),
    discount: sum(invoice.total_discount_amounts),
    total: invoice.total,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    deposit: depositOf(invoice),
    dueDate: isoFromUnix(invoice.due_date),
    finalizedAt: isoFromUnix(invoice.status_transitions?.finalized_at),
    paidAt: isoFromUnix(invoice.status_transitions?.paid_at),
    voidedAt: isoFromUnix(invoice.status_transitions?.voided_at),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    dedupeKey: metadata[DEDUPE_KEY_METADATA] ?? null,
    metadata,
  };
}

/** How much this event's payment raised amount_paid, when `previous_attributes` tells. */
function paymentAmountOf(event: Event, invoice: StripeInvoice | undefined): number | null {
  const before = event.data.previous_attributes?.amount_paid;
  if (!invoice || typeof before !== "number") return null;
  const raised = invoice.amount_paid - before;
  return raised > 0 ? raised : null;
}

const EVENT_LIFECYCLES: Readonly<Record<string, Lifecycle>> = {
  "invoice.finalized": "invoiced",
  "invoice.paid": "paid",
  "invoice.payment_failed": "payment_failed",
  "invoice.voided": "voided",
  "invoice.overdue": "overdue",
};

/** By event type; an `invoice.updated` (a partial payment) by the invoice's state. */
function lifecycleOf(type: string, invoice: StripeInvoice | undefined, fallback: Lifecycle): Lifecycle {
  const byType = EVENT_LIFECYCLES[type];
  if (byType) return byType;
  if (!invoice) return fallback;
  if (invoice.status === "paid") return "paid";
  if (invoice.status === "void") return "voided";
  return invoice.amount_paid > 0 ? "partially_paid" : fallback;
}

/**
 * Any well-formed Stripe event parses (one about another object is recorded, not run, through
 * `matches`); an event with a malformed invoice is refused rather than half-read.
 */
export function parseInvoiceEvent(rawBody: Buffer, fallback: Lifecycle): WebhookParseResult<StripeInvoiceEvent> {
  const body = parseJsonObjectBody(rawBody);
  if (!body.ok) return body;
  const envelope = ZEvent.safeParse(body.value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return {
      ok: false,
      error: `not a Stripe event: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
    };
  }
  const event = envelope.data;
  let invoice: StripeInvoice | undefined;
  if (event.data.object.object === "invoice") {
    const parsed = ZInvoice.safeParse(event.data.object);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: `event ${event.id} has an invalid invoice: ${issue?.path.join(".")}: ${issue?.message}`,
      };
    }
    invoice = parsed.data;
  }
  return {
    ok: true,
    payload: {
      ...body.value,
      id: event.id,
      type: event.type,
      created: event.created,
      data: event.data,
      lifecycle: lifecycleOf(event.type, invoice, fallback),
      invoice: invoice ? invoiceContext(invoice) : null,
      paymentAmount: paymentAmountOf(event, invoice),
    },
  };
}

const SUMMARY_VERBS: Record<Lifecycle, string> = {
  booked: "booked",
  rescheduled: "rescheduled",
  canceled: "canceled",
  contact_created: "created",
  deal_stage_changed: "changed",
  deal_won: "won",
  deal_lost: "lost",
  invoiced: "finalized",
  paid: "paid",
  partially_paid: "partially paid",
  payment_failed: "payment failed",
  overdue: "overdue",
  voided: "voided",
  refunded: "refunded",
};

/** "Invoice ABCD-0001 paid: 54.00 EUR (Jane Roe)": the amount that matters for each state. */
export function summarizeInvoiceEvent(event: StripeInvoiceEvent): string {
  const { invoice } = event;
  if (!invoice) return `Stripe ${event.type}`;
  const money = (amount: number) => formatMinor(amount, invoice.currency);
  const day = (iso: string | null) => iso?.slice(0, 10);
  const amounts: Partial<Record<Lifecycle, string>> = {
    invoiced: `${money(invoice.amountDue)}${invoice.dueDate ? ` due ${day(invoice.dueDate)}` : ""}`,
    paid: money(invoice.amountPaid),
    partially_paid: `${event.paymentAmount === null ? "" : `${money(event.paymentAmount)} received, `}${money(invoice.amountRemaining)} remaining`,
    payment_failed: `${money(invoice.amountRemaining)} due`,
    overdue: `${money(invoice.amountRemaining)} remaining${invoice.dueDate ? ` since ${day(invoice.dueDate)}` : ""}`,
    voided: money(invoice.total),
  };
  const amount = amounts[event.lifecycle] ?? money(invoice.total);
  const who = invoice.customerName ?? invoice.customerEmail;
  const line = `Invoice ${invoice.number ?? invoice.id} ${SUMMARY_VERBS[event.lifecycle]}: ${amount}${who ? ` (${who})` : ""}`;
  return truncateText(line, 200);
}

/** Invoice number and id, the customer's lower-cased email and id, and the booking uid it was made for. */
export function invoiceBusinessKeys(event: StripeInvoiceEvent): string[] {
  const { invoice } = event;
  if (!invoice) return [];
  const keys = [invoice.number, invoice.id, invoice.customerEmail, invoice.customerId, invoice.dedupeKey];
  return [...new Set(keys.filter((key): key is string => typeof key === "string" && key !== ""))];
}
