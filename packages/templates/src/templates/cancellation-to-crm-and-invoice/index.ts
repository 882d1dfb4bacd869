import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

export const cancellationToCrmAndInvoice: TemplateDefinition = {
  slug: "cancellation-to-crm-and-invoice",
  title: "Canceled appointment to CRM and invoice",
  outcome: "A canceled appointment closes its CRM task and cancels its invoice — or bills the late-cancellation fee.",
  category: "appointments",
  steps: [
    "When a customer or the staff cancels an appointment in Cal.com,",
    "find or create the customer in Stripe and find the appointment's invoice;",
    "if the appointment is in HubSpot, close its task (with the reason) and move its deal to Closed lost;",
    "if the appointment has an invoice, cancel it: a draft is deleted, one already sent is voided (a paid one is left for you to refund);",
    "if it was canceled inside the notice period (24 hours by default) and the service has a price, invoice the cancellation fee (half the price by default, with your tax rate) and send it.",
  ],
  connections: [
    { role: "calendar", provider: "calcom", label: "Cal.com account the bookings come from", nodeIds: ["canceled"] },
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account with the appointment tasks and deals",
      nodeIds: ["close_task", "lose_deal"],
    },
    {
      role: "invoicing",
      provider: "stripe",
      label: "Stripe account with the invoices",
      nodeIds: ["customer", "invoice", "cancel_invoice", "fee_invoice", "send_fee"],
    },
  ],
  fields: fieldsOf(graph, [
    {
      key: "eventTypeSlug",
      label: "Only this event type",
      description: "A Cal.com event type slug (e.g. haircut); leave empty for every booking.",
      nodeId: "canceled",
      prop: "eventTypeSlug",
    },
    {
      key: "noticeHours",
      label: "Notice period (hours)",
      description: "A cancellation with less notice than this before the start is charged the cancellation fee.",
      nodeId: "late",
      prop: "rules.0.value",
    },
    {
      key: "cancellationFee",
      label: "Cancellation fee (in cents)",
      description: "Before tax, in cents: half the booked price by default.",
      nodeId: "fee_invoice",
      prop: "lines.0.unitAmount",
    },
    {
      key: "feeTaxRateId",
      label: "Tax rate on the fee",
      description: "A Stripe tax rate id (txr_…) applied to the fee; empty for no tax.",
      nodeId: "fee_invoice",
      prop: "defaultTaxRateIds.0",
    },
    {
      key: "lostStage",
      label: "Deal stage when canceled",
      description: "The HubSpot stage (internal id) the appointment's deal moves to.",
      nodeId: "lose_deal",
      prop: "dealstage",
    },
  ]),
  graph,
};
