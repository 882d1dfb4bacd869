import { defineInvoiceTrigger } from "./invoice-trigger";

export const invoicePaymentFailedTrigger = defineInvoiceTrigger({
  key: "invoice-payment-failed",
  name: "Invoice payment failed",
  description:
    "Starts the flow when a payment attempt on an invoice fails, e.g. a declined card (lifecycle payment_failed).",
  eventTypes: ["invoice.payment_failed"],
  lifecycle: "payment_failed",
});
