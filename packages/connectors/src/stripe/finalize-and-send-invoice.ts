import { defineAction, type HttpClient } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, stripePath } from "./client";
import {
  type FetchedInvoice,
  getInvoice,
  type InvoiceOutput,
  invoiceStateError,
  readInvoice,
  SAMPLE_INVOICE_OUTPUT,
  toInvoiceOutput,
} from "./invoices";
import { ZInvoiceId } from "./props";

export const ZFinalizeAndSendInvoiceProps = z.object({ invoiceId: ZInvoiceId });

export type FinalizeAndSendInvoiceOutput = InvoiceOutput & {
  /** False for charge_automatically invoices (Stripe charges them; there is nothing to e-mail). */
  sent: boolean;
};

async function post(client: HttpClient, path: string, invoiceId: string, idempotencyKey: string) {
  const response = await client.request({
    method: "POST",
    path: stripePath(path, invoiceId),
    form: {},
    idempotencyKey,
  });
  return readInvoice(response.body, path.split("/").at(-1) ?? "the invoice");
}

export const finalizeAndSendInvoiceAction = defineAction({
  key: "finalize-and-send-invoice",
  name: "Finalize and send invoice",
  description:
    "Finalizes a draft invoice (it gets its number, PDF and payment page) and e-mails it to the customer. " +
    "An invoice already finalized is only sent. Returns the hosted invoice page and PDF links.",
  props: ZFinalizeAndSendInvoiceProps,
  // It e-mails the customer; the idempotency keys make a retried step replay Stripe's answers instead.
  sideEffect: true,
  sampleOutput: { ...SAMPLE_INVOICE_OUTPUT, sent: true },
  async run(ctx): Promise<FinalizeAndSendInvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    let current: FetchedInvoice = await getInvoice(client, ctx.props.invoiceId);
    const { invoice } = current;
    if (invoice.status === "void" || invoice.status === "uncollectible") {
      throw invoiceStateError(invoice, "only draft and open invoices can be sent");
    }
    if (invoice.status === "paid") {
      ctx.log("Stripe invoice is already paid; not sent again", { invoiceId: invoice.id });
      return { ...toInvoiceOutput(current), sent: false };
    }
    if (invoice.status === "draft") {
      current = await post(client, "/v1/invoices/{id}/finalize", invoice.id, `${ctx.idempotencyKey}:finalize`);
    }
    if (current.invoice.collection_method !== "send_invoice") {
      ctx.log("Stripe invoice finalized; Stripe collects it automatically", { invoiceId: invoice.id });
      return { ...toInvoiceOutput(current), sent: false };
    }
    current = await post(client, "/v1/invoices/{id}/send", invoice.id, `${ctx.idempotencyKey}:send`);
    ctx.log("Stripe invoice sent", { invoiceId: invoice.id, number: current.invoice.number ?? null });
    return { ...toInvoiceOutput(current), sent: true };
  },
});
