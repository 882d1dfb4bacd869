import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient } from "./client";
import { getInvoice, type InvoiceOutput, SAMPLE_INVOICE_OUTPUT, toInvoiceOutput } from "./invoices";
import { ZInvoiceId } from "./props";

export const ZGetInvoiceProps = z.object({ invoiceId: ZInvoiceId });

export const getInvoiceAction = defineAction({
  key: "get-invoice",
  name: "Get invoice",
  description: "Reads an invoice: status, number, amounts due, paid and remaining, due date and document links.",
  props: ZGetInvoiceProps,
  sideEffect: false,
  sampleOutput: SAMPLE_INVOICE_OUTPUT,
  async run(ctx): Promise<InvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    return toInvoiceOutput(await getInvoice(client, ctx.props.invoiceId));
  },
});
