import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { appointmentInvoiceFields } from "../appointment-invoice";
import { graph } from "./graph";

export const bookingToContactAndInvoice: TemplateDefinition = {
  slug: "booking-to-contact-and-invoice",
  title: "Booking to contact and draft invoice",
  outcome: "Every booked appointment has its customer in the CRM, a draft invoice and a confirmation e-mail.",
  category: "appointments",
  steps: [
    "When a customer books an appointment in Cal.com,",
    "find them in HubSpot by e-mail, then phone (never by name), or create the contact;",
    "open a deal for the appointment in the Appointment scheduled stage, with its price and date;",
    "add a task due at the appointment time with the service, duration, staff member and the customer's time zone;",
    "find or create the customer in Stripe;",
    "create a draft invoice with the booked service as its line, your tax rate, discount and deposit, due at the appointment — a repeated booking event never makes a second one;",
    "e-mail the customer a confirmation with the time in their own time zone and the amount.",
  ],
  connections: [
    { role: "calendar", provider: "calcom", label: "Cal.com account the bookings come from", nodeIds: ["booked"] },
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account for contacts, deals and tasks",
      nodeIds: ["contact", "deal", "task"],
    },
    { role: "invoicing", provider: "stripe", label: "Stripe account that invoices", nodeIds: ["customer", "invoice"] },
    { role: "email", provider: "email", label: "Mailbox the confirmation is sent from", nodeIds: ["confirm"] },
  ],
  fields: fieldsOf(graph, [
    {
      key: "eventTypeSlug",
      label: "Only this event type",
      description: "A Cal.com event type slug (e.g. haircut); leave empty for every booking.",
      nodeId: "booked",
      prop: "eventTypeSlug",
    },
    ...appointmentInvoiceFields(["invoice"]),
    {
      key: "dealStage",
      label: "Deal stage",
      description: "The HubSpot stage (internal id) the appointment's deal starts in.",
      nodeId: "deal",
      prop: "dealstage",
    },
    {
      key: "sender",
      label: "Confirmation sender",
      description: "Who the confirmation comes from: the staff member the appointment is with, by default.",
      nodeId: "confirm",
      prop: "from",
    },
  ]),
  graph,
};
