import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

/** Template 5: an overdue invoice gets a person's attention in the CRM and a polite nudge to the customer. */
export const invoiceOverdueFollowUp: TemplateDefinition = {
  slug: "invoice-overdue-follow-up",
  title: "Overdue invoice: follow-up task and polite reminder",
  outcome: "Every unpaid invoice past its due date gets a follow-up task in the CRM and a friendly reminder e-mail.",
  category: "invoicing",
  steps: [
    "When a Stripe invoice passes its due date unpaid (Stripe's overdue event, or Handoff's own check of due dates) — once per invoice,",
    "find the customer's HubSpot contact by the identity map, then e-mail, then phone, or create it;",
    "create a follow-up task on the contact, due the next day, with the amount still due, the due date, the phone and the invoice link;",
    "e-mail the customer a polite reminder: amount due, due date, and the link to Stripe's own invoice page and PDF (never a copy of the invoice).",
  ],
  connections: [
    { role: "invoicing", provider: "stripe", label: "Stripe account the invoices are in", nodeIds: ["overdue"] },
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account for the follow-up task",
      nodeIds: ["contact", "follow_up"],
    },
    { role: "email", provider: "email", label: "Mailbox the reminder is sent from", nodeIds: ["reminder"] },
  ],
  fields: fieldsOf(graph, [
    {
      key: "sender",
      label: "Reminder sender",
      description: "Who the reminder comes from, e.g. Salon Lumière <billing@salon-lumiere.fr>; replies go there.",
      nodeId: "reminder",
      prop: "from",
    },
    {
      key: "reminderSubject",
      label: "Reminder subject",
      description: "The reminder's subject line.",
      nodeId: "reminder",
      prop: "subject",
    },
    {
      key: "reminderText",
      label: "Reminder text",
      description:
        "The reminder's body. Keep the invoice link: it is the one canonical document, with its payment page.",
      nodeId: "reminder",
      prop: "text",
    },
    {
      key: "taskSubject",
      label: "Follow-up task title",
      description: "What the task is called in HubSpot.",
      nodeId: "follow_up",
      prop: "subject",
    },
    {
      key: "taskDueAt",
      label: "Follow-up due",
      description: "When the task is due: the day after the invoice was seen overdue by default.",
      nodeId: "follow_up",
      prop: "dueAt",
    },
  ]),
  graph,
};
