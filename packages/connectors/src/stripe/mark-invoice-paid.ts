import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, stripePath } from "./client";
import {
  getInvoice,
  type InvoiceOutput,
  invoiceStateError,
  readInvoice,
  SAMPLE_INVOICE_OUTPUT,
  toInvoiceOutput,
} from "./invoices";
import { ZInvoiceId } from "./props";

export const ZMarkInvoicePaidProps = z.object({ invoiceId: ZInvoiceId });

export type MarkInvoicePaidOutput = InvoiceOutput & { alreadyPaid: boolean };

export const markInvoicePaidAction = defineAction({
  key: "mark-invoice-paid",
  name: "Mark invoice paid",
  description:
    "Marks an open invoice as paid outside Stripe (cash, bank transfer) for its whole remaining amount. " +
    "For part of the amount, use record-partial-payment.",
  props: ZMarkInvoicePaidProps,
  sideEffect: true,
  sampleOutput: {
    ...SAMPLE_INVOICE_OUTPUT,
    status: "paid",
    amountPaid: SAMPLE_INVOICE_OUTPUT.amountDue,
    amountRemaining: 0,
    alreadyPaid: false,
  },
  async run(ctx): Promise<MarkInvoicePaidOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const current = await getInvoice(client, ctx.props.invoiceId);
    const { invoice } = current;
    if (invoice.status === "paid") return { ...toInvoiceOutput(current), alreadyPaid: true };
    if (invoice.status === "draft") throw invoiceStateError(invoice, "finalize it before marking it paid");
    if (invoice.status !== "open" && invoice.status !== "uncollectible") {
      throw invoiceStateError(invoice, "only open or uncollectible invoices can be paid");
    }
    const response = await client.request({
      method: "POST",
      path: stripePath("/v1/invoices/{id}/pay", invoice.id),
      form: { paid_out_of_band: true },
      idempotencyKey: `${ctx.idempotencyKey}:pay`,
    });
    ctx.log("Stripe invoice marked paid out of band", { invoiceId: invoice.id });
    return { ...toInvoiceOutput(readInvoice(response.body, "the payment")), alreadyPaid: false };
  },
});
