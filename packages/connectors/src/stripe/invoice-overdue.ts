import { defineInvoiceTrigger } from "./invoice-trigger";

/**
 * Stripe sends `invoice.overdue` only when the account's Billing automation for it is on (it
 * fires a chosen number of days after the due date); the sandbox sends it once the due date has
 * passed. Where a provider sends nothing, the platform would derive "overdue" from `due_date`
 * and `status=open` (a scheduled sweep over open invoices); no poller is needed for Stripe today.
 */
export const invoiceOverdueTrigger = defineInvoiceTrigger({
  key: "invoice-overdue",
  name: "Invoice overdue",
  description:
    "Starts the flow when an open invoice passes its due date unpaid (lifecycle overdue). In Stripe, turn on " +
    "Billing → Automations → “Send invoice.overdue events” for this event to be sent.",
  eventTypes: ["invoice.overdue"],
  lifecycle: "overdue",
});
