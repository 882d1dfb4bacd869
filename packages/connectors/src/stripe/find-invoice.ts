import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient } from "./client";
import { findInvoiceByDedupeKey } from "./invoice-dedupe";
import { type FetchedInvoice, SAMPLE_INVOICE_OUTPUT } from "./invoices";
import { ZStripeId } from "./props";
import { type InvoiceStatus, isoFromUnix } from "./stripe-objects";

export const ZFindInvoiceProps = z.object({
  customerId: ZStripeId("cus_", "customerId").describe(
    "The Stripe customer (cus_…) whose invoices are looked through, e.g. from find-or-create-customer",
  ),
  dedupeKey: z
    .string()
    .trim()
    .min(1, "dedupeKey is required: the business key the invoice was made with (e.g. the booking uid)")
    .describe("The dedupe key given to create-draft-invoice when the invoice was made"),
});

export type FindInvoiceOutput = {
  found: boolean;
  invoiceId: string | null;
  status: InvoiceStatus | null;
  number: string | null;
  /** ISO 8601 (UTC). */
  dueDate: string | null;
  /** Integers in the currency's minor unit (cents). */
  total: number | null;
  amountDue: number | null;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  /** Everything the invoice carries (the appointment, CRM ids, deposit…); {} when none was found. */
  metadata: Record<string, string>;
};

const NOT_FOUND: FindInvoiceOutput = {
  found: false,
  invoiceId: null,
  status: null,
  number: null,
  dueDate: null,
  total: null,
  amountDue: null,
  hostedInvoiceUrl: null,
  invoicePdf: null,
  metadata: {},
};

function toFindInvoiceOutput({ invoice }: FetchedInvoice): FindInvoiceOutput {
  return {
    found: true,
    invoiceId: invoice.id,
    status: invoice.status,
    number: invoice.number ?? null,
    dueDate: isoFromUnix(invoice.due_date),
    total: invoice.total,
    amountDue: invoice.amount_due,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    metadata: invoice.metadata ?? {},
  };
}

export const findInvoiceAction = defineAction({
  key: "find-invoice",
  name: "Find invoice",
  description:
    "Finds the customer's invoice made with a dedupe key (e.g. the booking uid given to create-draft-invoice), " +
    "void ones aside. Answers found=false when there is none, so a flow can branch on it instead of failing.",
  props: ZFindInvoiceProps,
  // Only reads. It lists the customer's invoices rather than calling /v1/invoices/search: search is
  // eventually consistent (up to a minute, longer in outages), so a reschedule right after the booking
  // would miss the draft and the flow would make a second invoice for the appointment.
  sideEffect: false,
  sampleOutput: {
    found: true,
    invoiceId: SAMPLE_INVOICE_OUTPUT.invoiceId,
    status: "draft",
    number: null,
    dueDate: SAMPLE_INVOICE_OUTPUT.dueDate,
    total: SAMPLE_INVOICE_OUTPUT.total,
    amountDue: SAMPLE_INVOICE_OUTPUT.amountDue,
    hostedInvoiceUrl: null,
    invoicePdf: null,
    metadata: {
      handoff_dedupe_key: "8xKq2mYz@Cal.com",
      appointment_start: "2026-11-24T14:00:00+01:00",
      appointment_time_zone: "Europe/Paris",
      deposit_amount: "3000",
    },
  } satisfies FindInvoiceOutput,
  async run(ctx): Promise<FindInvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { customerId, dedupeKey } = ctx.props;
    const found = await findInvoiceByDedupeKey(client, customerId, dedupeKey);
    if (!found) {
      ctx.log("No Stripe invoice for this dedupe key", { customerId, dedupeKey });
      return { ...NOT_FOUND, metadata: {} };
    }
    ctx.log("Stripe invoice found for this dedupe key", { invoiceId: found.invoice.id, status: found.invoice.status });
    return toFindInvoiceOutput(found);
  },
});
