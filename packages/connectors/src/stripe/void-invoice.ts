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

export const ZVoidInvoiceProps = z.object({ invoiceId: ZInvoiceId });

export type VoidInvoiceOutcome = "voided" | "deleted" | "already_void";

export type VoidInvoiceOutput = InvoiceOutput & { outcome: VoidInvoiceOutcome };

export const voidInvoiceAction = defineAction({
  key: "void-invoice",
  name: "Void invoice",
  description:
    "Cancels an invoice: an open (or uncollectible) one is voided and keeps its number; a draft, which Stripe " +
    "cannot void, is deleted. A paid invoice is refused: refund it in Stripe instead.",
  props: ZVoidInvoiceProps,
  sideEffect: true,
  sampleOutput: { ...SAMPLE_INVOICE_OUTPUT, status: "void", outcome: "voided" },
  async run(ctx): Promise<VoidInvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const current = await getInvoice(client, ctx.props.invoiceId);
    const { invoice } = current;
    switch (invoice.status) {
      case "void":
        return { ...toInvoiceOutput(current), outcome: "already_void" };
      case "paid":
        throw invoiceStateError(invoice, "a paid invoice cannot be voided; refund the payment in Stripe instead");
      case "draft": {
        // 404: an earlier attempt's delete went through but its answer was lost; the draft is gone either way.
        await client.request({ method: "DELETE", path: stripePath("/v1/invoices/{id}", invoice.id), accept: [404] });
        ctx.log("Stripe draft invoice deleted", { invoiceId: invoice.id });
        return { ...toInvoiceOutput(current), status: null, outcome: "deleted" };
      }
      default: {
        const response = await client.request({
          method: "POST",
          path: stripePath("/v1/invoices/{id}/void", invoice.id),
          form: {},
          idempotencyKey: `${ctx.idempotencyKey}:void`,
        });
        ctx.log("Stripe invoice voided", { invoiceId: invoice.id, number: invoice.number ?? null });
        return { ...toInvoiceOutput(readInvoice(response.body, "the void")), outcome: "voided" };
      }
    }
  },
});
