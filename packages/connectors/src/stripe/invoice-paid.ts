import { defineInvoiceTrigger } from "./invoice-trigger";

export const invoicePaidTrigger = defineInvoiceTrigger({
  key: "invoice-paid",
  name: "Invoice paid",
  description:
    "Starts the flow when an invoice is paid in full, by card or marked paid outside Stripe (lifecycle paid). " +
    "For deposits and instalments as well, use Invoice payment received.",
  eventTypes: ["invoice.paid"],
  lifecycle: "paid",
});
