import { defineInvoiceTrigger } from "./invoice-trigger";

export const invoiceVoidedTrigger = defineInvoiceTrigger({
  key: "invoice-voided",
  name: "Invoice voided",
  description: "Starts the flow when a finalized invoice is voided in Stripe (lifecycle voided).",
  eventTypes: ["invoice.voided"],
  lifecycle: "voided",
});
