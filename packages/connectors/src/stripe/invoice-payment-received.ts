import type { StripeInvoiceEvent } from "./invoice-event";
import { defineInvoiceTrigger } from "./invoice-trigger";

/**
 * A partial payment shows as an `invoice.updated` whose amount_paid rose while the invoice stays
 * open; the payment that settles it as `invoice.paid`. Stripe's `invoice_payment.paid` is not
 * used: it carries the payment with only the invoice's id, so whether anything remains (paid or
 * partially_paid) could not be told without another API call.
 */
function isPayment(event: StripeInvoiceEvent): boolean {
  if (event.type === "invoice.paid") return true;
  const status = event.invoice?.status;
  return event.paymentAmount !== null && (status === "open" || status === "uncollectible");
}

export const invoicePaymentReceivedTrigger = defineInvoiceTrigger({
  key: "invoice-payment-received",
  name: "Invoice payment received",
  description:
    "Starts the flow for every payment on an invoice: a deposit or instalment (lifecycle partially_paid, with the " +
    "amount received and what remains) and the payment that settles it (lifecycle paid).",
  eventTypes: ["invoice.updated", "invoice.paid"],
  lifecycle: "partially_paid",
  accepts: isPayment,
});
