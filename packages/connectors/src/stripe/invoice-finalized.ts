import { defineInvoiceTrigger } from "./invoice-trigger";

export const invoiceFinalizedTrigger = defineInvoiceTrigger({
  key: "invoice-finalized",
  name: "Invoice finalized",
  description:
    "Starts the flow when an invoice is finalized in Stripe: it has its number, PDF and payment page (lifecycle invoiced).",
  eventTypes: ["invoice.finalized"],
  lifecycle: "invoiced",
});
