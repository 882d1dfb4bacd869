import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { appointmentInvoiceFields } from "../appointment-invoice";
import { graph } from "./graph";

export const rescheduleToCrmAndInvoice: TemplateDefinition = {
  slug: "reschedule-to-crm-and-invoice",
  title: "Rescheduled appointment to CRM and invoice",
  outcome: "A moved appointment moves in the CRM and on its draft invoice too — never a second invoice.",
  category: "appointments",
  steps: [
    "When a customer moves an appointment in Cal.com,",
    "find or create the customer in Stripe;",
    "find the appointment's invoice (Cal.com keeps one calendar id across moves, so it is the same appointment however often it moves);",
    "if the appointment is in HubSpot, move its task to the new time (in the customer's time zone) and its deal's close date;",
    "if the invoice is still a draft, replace it with a draft dated for the new time — with your tax rate, discount and deposit; an invoice already sent keeps its dates.",
  ],
  connections: [
    { role: "calendar", provider: "calcom", label: "Cal.com account the bookings come from", nodeIds: ["rescheduled"] },
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account with the appointment tasks and deals",
      nodeIds: ["move_task", "move_deal"],
    },
    {
      role: "invoicing",
      provider: "stripe",
      label: "Stripe account with the draft invoices",
      nodeIds: ["customer", "invoice", "drop_draft", "redated_invoice"],
    },
  ],
  fields: fieldsOf(graph, [
    {
      key: "eventTypeSlug",
      label: "Only this event type",
      description: "A Cal.com event type slug (e.g. haircut); leave empty for every booking.",
      nodeId: "rescheduled",
      prop: "eventTypeSlug",
    },
    ...appointmentInvoiceFields(["invoice", "redated_invoice"]),
  ]),
  graph,
};
