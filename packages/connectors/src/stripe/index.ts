import { defineConnector } from "@handoff/connector-sdk";
import { stripeAuth } from "./auth";
import { createDraftInvoiceAction } from "./create-draft-invoice";
import { createFirstInvoiceAction } from "./create-first-invoice";
import { finalizeAndSendInvoiceAction } from "./finalize-and-send-invoice";
import { findInvoiceAction } from "./find-invoice";
import { findOrCreateCustomerAction } from "./find-or-create-customer";
import { getInvoiceAction } from "./get-invoice";
import { invoiceFinalizedTrigger } from "./invoice-finalized";
import { invoiceOverdueTrigger } from "./invoice-overdue";
import { invoicePaidTrigger } from "./invoice-paid";
import { invoicePaymentFailedTrigger } from "./invoice-payment-failed";
import { invoicePaymentReceivedTrigger } from "./invoice-payment-received";
import { invoiceVoidedTrigger } from "./invoice-voided";
import { markInvoicePaidAction } from "./mark-invoice-paid";
import { recordPartialPaymentAction } from "./record-partial-payment";
import { updateDraftInvoiceAction } from "./update-draft-invoice";
import { voidInvoiceAction } from "./void-invoice";

export const stripeConnector = defineConnector({
  key: "stripe",
  name: "Stripe",
  category: "invoicing",
  auth: stripeAuth,
  triggers: [
    invoiceFinalizedTrigger,
    invoicePaidTrigger,
    invoicePaymentReceivedTrigger,
    invoicePaymentFailedTrigger,
    invoiceOverdueTrigger,
    invoiceVoidedTrigger,
  ],
  actions: [
    findOrCreateCustomerAction,
    createDraftInvoiceAction,
    createFirstInvoiceAction,
    finalizeAndSendInvoiceAction,
    recordPartialPaymentAction,
    markInvoicePaidAction,
    voidInvoiceAction,
    getInvoiceAction,
    findInvoiceAction,
    updateDraftInvoiceAction,
  ],
});
