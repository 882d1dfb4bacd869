import { type ActionContext, defineAction, type HttpClient, isJsonObject } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, readStripe, stripePath } from "./client";
import {
  type FetchedInvoice,
  getInvoice,
  type InvoiceOutput,
  invoiceStateError,
  readInvoice,
  SAMPLE_INVOICE_OUTPUT,
  toInvoiceOutput,
} from "./invoices";
import { formatMinor } from "./money";
import { optionalText, ZInvoiceId, ZPositiveMinorAmount } from "./props";
import { IDEMPOTENCY_METADATA, ZList } from "./stripe-objects";

export const ZRecordPartialPaymentProps = z.object({
  invoiceId: ZInvoiceId,
  amount: ZPositiveMinorAmount.describe("The money received, in cents (a 30.00 EUR deposit is 3000)"),
  paymentMethod: optionalText.describe('How it was paid, shown in Stripe: "Bank transfer" by default'),
  reference: optionalText.describe("The bank transfer or receipt reference"),
  paidAt: optionalText
    .refine((value) => value === undefined || !Number.isNaN(Date.parse(value)), "paidAt must be an ISO 8601 date-time")
    .describe("When the money was received (ISO 8601); now by default"),
});

export type RecordPartialPaymentProps = z.output<typeof ZRecordPartialPaymentProps>;

export type RecordPartialPaymentOutput = InvoiceOutput & {
  paymentRecordId: string | null;
  amount: number;
  /** The payment settled the invoice (`paid`); otherwise it is `partially_paid` and stays open. */
  fullyPaid: boolean;
};

const ZPaymentRecord = z.looseObject({ id: z.string().min(1), metadata: z.record(z.string(), z.string()).optional() });

/** Off-Stripe money as a Payment Record: a "custom" payment method, already guaranteed (received). */
async function reportPayment(client: HttpClient, ctx: ActionContext<RecordPartialPaymentProps>, found: FetchedInvoice) {
  const { props } = ctx;
  const at = Math.floor((props.paidAt ? Date.parse(props.paidAt) : Date.now()) / 1000);
  const response = await client.request({
    method: "POST",
    path: "/v1/payment_records/report_payment",
    form: {
      amount_requested: { value: props.amount, currency: found.invoice.currency },
      initiated_at: at,
      outcome: "guaranteed",
      guaranteed: { guaranteed_at: at },
      payment_method_details: { type: "custom", custom: { display_name: props.paymentMethod ?? "Bank transfer" } },
      ...(typeof found.invoice.customer === "string" ? { customer_details: { customer: found.invoice.customer } } : {}),
      ...(props.reference
        ? { processor_details: { type: "custom", custom: { payment_reference: props.reference } } }
        : {}),
      metadata: { [IDEMPOTENCY_METADATA]: ctx.idempotencyKey, handoff_invoice: found.invoice.id },
    },
    idempotencyKey: `${ctx.idempotencyKey}:report-payment`,
  });
  return readStripe(ZPaymentRecord, response.body, "the payment record");
}

/**
 * A retried step whose first attempt went through finds the invoice paid or with less remaining
 * than this payment. Its own payment record (tagged with the step's key) among the invoice's
 * payments tells that apart from a real mistake.
 */
async function findOwnPayment(client: HttpClient, invoiceId: string, idempotencyKey: string) {
  const response = await client.request({
    method: "GET",
    path: "/v1/invoice_payments",
    query: { invoice: invoiceId, limit: 100 },
  });
  for (const payment of readStripe(ZList, response.body, "the invoice's payments").data) {
    const source = isJsonObject(payment) && isJsonObject(payment.payment) ? payment.payment : undefined;
    if (source?.type !== "payment_record" || typeof source.payment_record !== "string") continue;
    const record = await client.request({
      method: "GET",
      path: stripePath("/v1/payment_records/{id}", source.payment_record),
    });
    const { id, metadata } = readStripe(ZPaymentRecord, record.body, "a payment record");
    if (metadata?.[IDEMPOTENCY_METADATA] === idempotencyKey) return id;
  }
  return undefined;
}

function output(found: FetchedInvoice, paymentRecordId: string | null, amount: number): RecordPartialPaymentOutput {
  return { ...toInvoiceOutput(found), paymentRecordId, amount, fullyPaid: found.invoice.status === "paid" };
}

export const recordPartialPaymentAction = defineAction({
  key: "record-partial-payment",
  name: "Record partial payment",
  description:
    "Records money received outside Stripe (a deposit, an instalment) against an open invoice: it stays open " +
    "with less remaining, and is paid once payments cover it.",
  props: ZRecordPartialPaymentProps,
  // It records money; the idempotency keys and the step's tag on the payment record keep it to once.
  sideEffect: true,
  sampleOutput: {
    ...SAMPLE_INVOICE_OUTPUT,
    amountPaid: 3000,
    amountRemaining: SAMPLE_INVOICE_OUTPUT.amountDue - 3000,
    paymentRecordId: "pr_1QhK0aHandoffSample0001",
    amount: 3000,
    fullyPaid: false,
  },
  async run(ctx): Promise<RecordPartialPaymentOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { amount } = ctx.props;
    const found = await getInvoice(client, ctx.props.invoiceId);
    const { invoice } = found;
    const payable = invoice.status === "open" || invoice.status === "uncollectible";
    if (!payable || amount > invoice.amount_remaining) {
      const earlier = await findOwnPayment(client, invoice.id, ctx.idempotencyKey);
      if (earlier) return output(found, earlier, amount);
      if (!payable) throw invoiceStateError(invoice, "payments can only be recorded on open or uncollectible invoices");
      const currency = invoice.currency.toUpperCase();
      throw invoiceStateError(
        invoice,
        `${formatMinor(amount, currency)} is more than the ${formatMinor(invoice.amount_remaining, currency)} remaining`,
      );
    }
    const record = await reportPayment(client, ctx, found);
    const response = await client.request({
      method: "POST",
      path: stripePath("/v1/invoices/{id}/attach_payment", invoice.id),
      form: { payment_record: record.id },
      idempotencyKey: `${ctx.idempotencyKey}:attach-payment`,
    });
    const updated = readInvoice(response.body, "the payment");
    ctx.log("Payment recorded on the Stripe invoice", { invoiceId: invoice.id, paymentRecordId: record.id, amount });
    return output(updated, record.id, amount);
  },
});
