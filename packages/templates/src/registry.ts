import { bookingToContactAndInvoice } from "./templates/booking-to-contact-and-invoice";
import { cancellationToCrmAndInvoice } from "./templates/cancellation-to-crm-and-invoice";
import { dealWonToInvoice } from "./templates/deal-won-to-invoice";
import { invoiceOverdueFollowUp } from "./templates/invoice-overdue-follow-up";
import { invoicePaidToDealAndThanks } from "./templates/invoice-paid-to-deal-and-thanks";
import { newContactToInvoicingCustomer } from "./templates/new-contact-to-invoicing-customer";
import { rescheduleToCrmAndInvoice } from "./templates/reschedule-to-crm-and-invoice";
import { weeklySyncReview } from "./templates/weekly-sync-review";
import type { TemplateDefinition } from "./types";

// Static list, in gallery order: one import and one line per template. validate.test.ts checks
// every template here (schema, slugs, roles, fields).
export const templates: readonly TemplateDefinition[] = [
  bookingToContactAndInvoice,
  rescheduleToCrmAndInvoice,
  cancellationToCrmAndInvoice,
  invoicePaidToDealAndThanks,
  invoiceOverdueFollowUp,
  dealWonToInvoice,
  newContactToInvoicingCustomer,
  weeklySyncReview,
];

export function getTemplate(slug: string): TemplateDefinition | undefined {
  return templates.find((template) => template.slug === slug);
}
