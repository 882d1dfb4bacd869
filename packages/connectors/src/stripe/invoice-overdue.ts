import { defineInvoiceTrigger } from "./invoice-trigger";
import { deriveOverdueEvents } from "./overdue-sweep";

/**
 * Stripe sends `invoice.overdue` only when the account's Billing automation for it is on (it
 * fires a chosen number of days after the due date). So Handoff also looks: `derive` lists open
 * invoices past their due date on a schedule. Both ways share one event id per invoice
 * (`overdue:<invoice id>`), so an invoice starts one "overdue" run however it was noticed.
 */
export const invoiceOverdueTrigger = defineInvoiceTrigger({
  key: "invoice-overdue",
  name: "Invoice overdue",
  description:
    "Starts the flow when an open invoice passes its due date unpaid (lifecycle overdue), from Stripe's " +
    "invoice.overdue event or, where that automation is off, from Handoff's own check of due dates.",
  eventTypes: ["invoice.overdue"],
  lifecycle: "overdue",
  eventId: (event) => (event.invoice ? `overdue:${event.invoice.id}` : event.id),
  derive: deriveOverdueEvents,
});
