import { ConnectorError, type HttpClient, isJsonObject, type JsonObject, type JsonValue } from "@handoff/connector-sdk";
import { readStripe, stripePath } from "./client";
import {
  customerIdOf,
  DEPOSIT_METADATA,
  type InvoiceStatus,
  isoFromUnix,
  type StripeInvoice,
  ZInvoice,
} from "./stripe-objects";

/** An invoice as read, with Stripe's whole object kept for the step's output. */
export interface FetchedInvoice {
  invoice: StripeInvoice;
  raw: JsonObject;
}

export function readInvoice(body: JsonValue, what: string): FetchedInvoice {
  const invoice = readStripe(ZInvoice, body, what);
  return { invoice, raw: isJsonObject(body) ? body : {} };
}

export async function getInvoice(client: HttpClient, invoiceId: string): Promise<FetchedInvoice> {
  const response = await client.request({ method: "GET", path: stripePath("/v1/invoices/{id}", invoiceId) });
  return readInvoice(response.body, "the invoice");
}

/** What every invoice action returns: the amounts flows use, then Stripe's invoice as it is. */
export type InvoiceOutput = {
  invoiceId: string;
  customerId: string | null;
  status: InvoiceStatus | null;
  /** Assigned at finalization; null on drafts. */
  number: string | null;
  /** ISO 4217, upper-case. Amounts are integers in the currency's minor unit (cents). */
  currency: string;
  subtotal: number;
  /** Tax in the total (exclusive tax added, inclusive tax carved out). */
  tax: number;
  discount: number;
  total: number;
  amountDue: number;
  amountPaid: number;
  amountRemaining: number;
  /** The deposit expected before the service (metadata `deposit_amount`), when one was set. */
  deposit: number | null;
  /** ISO 8601 (UTC). */
  dueDate: string | null;
  /** The canonical document links: null while the invoice is a draft. */
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  invoice: JsonObject;
};

const sum = (items: readonly { amount: number }[] | undefined) =>
  (items ?? []).reduce((total, item) => total + item.amount, 0);

export function depositOf(invoice: StripeInvoice): number | null {
  const raw = invoice.metadata?.[DEPOSIT_METADATA];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null;
}

export function toInvoiceOutput({ invoice, raw }: FetchedInvoice): InvoiceOutput {
  return {
    invoiceId: invoice.id,
    customerId: customerIdOf(invoice),
    status: invoice.status,
    number: invoice.number ?? null,
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
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    invoice: raw,
  };
}

/** A state the action cannot act on (void a paid invoice…): final, since retrying changes nothing. */
export function invoiceStateError(invoice: StripeInvoice, message: string): ConnectorError {
  return new ConnectorError({
    code: "validation",
    message: `Stripe invoice ${invoice.number ?? invoice.id} is ${invoice.status ?? "in no status"}: ${message}`,
  });
}

/** A realistic finalized invoice, for the editor's data picker. */
export const SAMPLE_INVOICE_OUTPUT: InvoiceOutput = {
  invoiceId: "in_1QhJx2HandoffSample0001",
  customerId: "cus_RbWq8HandoffJR",
  status: "open",
  number: "7F3A21C0-0001",
  currency: "EUR",
  subtotal: 8500,
  tax: 1530,
  discount: 850,
  total: 9180,
  amountDue: 9180,
  amountPaid: 0,
  amountRemaining: 9180,
  deposit: 3000,
  dueDate: "2026-12-08T13:00:00.000Z",
  hostedInvoiceUrl: "https://invoice.stripe.com/i/acct_1HandoffSample/test_YWNjdF8x",
  invoicePdf: "https://pay.stripe.com/invoice/acct_1HandoffSample/test_YWNjdF8x/pdf",
  invoice: { id: "in_1QhJx2HandoffSample0001", object: "invoice", status: "open" },
};
