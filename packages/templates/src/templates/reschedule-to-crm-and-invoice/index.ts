import { type FieldSpec, fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { appointmentInvoiceFields } from "../appointment-invoice";
import { graph } from "./graph";

/** The step that moves a draft takes the same line and due date as one made for the new time. */
const MOVED_DRAFT_PROPS: Record<string, string> = { serviceLine: "lineDescription", dueDate: "dueDate" };

const invoiceFields: FieldSpec[] = appointmentInvoiceFields(["new_invoice"]).map((field) => {
  const prop = MOVED_DRAFT_PROPS[field.key];
  return prop ? { ...field, alsoFills: [...(field.alsoFills ?? []), { nodeId: "redate_invoice", prop }] } : field;
});

export const rescheduleToCrmAndInvoice: TemplateDefinition = {
  slug: "reschedule-to-crm-and-invoice",
  title: "Rescheduled appointment to CRM and invoice",
  outcome: "A moved appointment moves in the CRM and on its draft invoice too — the same invoice, never a second one.",
  category: "appointments",
  steps: [
    "When a customer moves an appointment in Cal.com,",
    "find or create the customer in Stripe;",
    "find the appointment's invoice (Cal.com keeps one calendar id across moves, so it is the same appointment however often it moves);",
    "if the appointment is in HubSpot, move its task to the new time (in the customer's time zone) and its deal's close date;",
    "if the invoice is still a draft, move it to the new time in place: due date, line, description and the appointment details on it (with the time zone) — the same invoice, with any changes you made to it;",
    "if it was already sent, leave it as it is and say so on the HubSpot task; if the booking never got an invoice, draft one for the new time with your tax rate, discount and deposit.",
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
      nodeIds: ["customer", "invoice", "redate_invoice", "new_invoice"],
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
    ...invoiceFields,
  ]),
  graph,
};
