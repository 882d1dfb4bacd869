import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, trigger } from "../../graph-builders";
import { APPOINTMENT_DETAILS, DEAL_NAME, LOCAL_START_WITH_ZONE, TASK_SUBJECT } from "../appointment-context";
import { appointmentInvoiceProps } from "../appointment-invoice";

const money = (amount: string) => `{{ $formatNumber(${amount} / 100, "#,##0.00") }} {{ steps.invoice.currency }}`;

const CONFIRMATION = [
  "Hello {{ $default(trigger.customer.firstName, trigger.customer.name) }},",
  "",
  `Your {{ trigger.booking.service }} is booked for ${LOCAL_START_WITH_ZONE}.`,
  "",
  APPOINTMENT_DETAILS,
  "",
  `Amount: ${money("steps.invoice.total")} (tax {{ $formatNumber(steps.invoice.tax / 100, "#,##0.00") }}, discount {{ $formatNumber(steps.invoice.discount / 100, "#,##0.00") }})`,
  `{{ steps.invoice.deposit ? "A deposit of " & $formatNumber(steps.invoice.deposit / 100, "#,##0.00") & " " & steps.invoice.currency & " is due before the appointment." : "" }}`,
  `Payment is due by {{ $formatDate(steps.invoice.dueDate, "d LLL yyyy", trigger.booking.timeZone) }}.`,
  "",
  "See you soon!",
].join("\n");

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("booked", "calcom", "booking-created", "Appointment booked", { eventTypeSlug: "" }),
    action(
      "contact",
      "hubspot",
      "find-or-create-contact",
      "Find or create the contact",
      {
        email: "{{ trigger.customer.email }}",
        phone: "{{ trigger.customer.phone }}",
        firstName: "{{ trigger.customer.firstName }}",
        lastName: "{{ trigger.customer.lastName }}",
      },
      { row: 1 },
    ),
    action(
      "deal",
      "hubspot",
      "create-deal",
      "Deal for the appointment",
      {
        dealname: DEAL_NAME,
        amount: "{{ trigger.booking.price }}",
        dealstage: "appointmentscheduled",
        closedate: "{{ trigger.booking.startLocal }}",
        contactId: "{{ steps.contact.contactId }}",
      },
      { row: 2 },
    ),
    action(
      "task",
      "hubspot",
      "create-task",
      "Appointment task",
      {
        subject: TASK_SUBJECT,
        body: APPOINTMENT_DETAILS,
        dueAt: "{{ trigger.booking.startLocal }}",
        contactId: "{{ steps.contact.contactId }}",
        dealId: "{{ steps.deal.dealId }}",
      },
      { row: 3 },
    ),
    action(
      "customer",
      "stripe",
      "find-or-create-customer",
      "Find or create the Stripe customer",
      {
        email: "{{ trigger.customer.email }}",
        phone: "{{ trigger.customer.phone }}",
        name: "{{ trigger.customer.name }}",
        metadata: { hubspot_contact_id: asText("steps.contact.contactId") },
      },
      { row: 4 },
    ),
    action(
      "invoice",
      "stripe",
      "create-draft-invoice",
      "Draft invoice for the service",
      appointmentInvoiceProps({
        contactId: asText("steps.contact.contactId"),
        dealId: asText("steps.deal.dealId"),
        taskId: asText("steps.task.taskId"),
      }),
      { row: 5 },
    ),
    action(
      "confirm",
      "email",
      "send-email",
      "Confirmation e-mail",
      {
        from: "{{ trigger.booking.organizer.name }} <{{ trigger.booking.organizer.email }}>",
        to: "{{ trigger.customer.email }}",
        subject: `Your {{ trigger.booking.service }} on ${LOCAL_START_WITH_ZONE} is booked`,
        text: CONFIRMATION,
      },
      { row: 6 },
    ),
  ],
  edges: chain("booked", "contact", "deal", "task", "customer", "invoice", "confirm"),
};
