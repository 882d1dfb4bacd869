import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, edge, ROW, trigger } from "../../graph-builders";
import { APPOINTMENT_DETAILS, DEAL_NAME, TASK_SUBJECT } from "../appointment-context";
import { appointmentInvoiceProps } from "../appointment-invoice";

/** The CRM records the booking template wrote on the invoice. */
const crmIdOn = (invoiceStep: string, key: "contact" | "deal" | "task") =>
  `steps.${invoiceStep}.invoice.metadata.hubspot_${key}_id`;

const MOVED_FROM = `Moved from: {{ trigger.booking.previousStart ? $formatDate(trigger.booking.previousStart, "ccc d LLL yyyy HH:mm", trigger.booking.timeZone) & " (" & trigger.booking.timeZone & ")" : "an earlier time" }}`;

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("rescheduled", "calcom", "booking-rescheduled", "Appointment rescheduled", { eventTypeSlug: "" }),
    action(
      "customer",
      "stripe",
      "find-or-create-customer",
      "Find or create the Stripe customer",
      {
        email: "{{ trigger.customer.email }}",
        phone: "{{ trigger.customer.phone }}",
        name: "{{ trigger.customer.name }}",
      },
      { row: 1 },
    ),
    // Keyed on the appointment (Cal.com keeps its iCalUID across moves): this finds the invoice the
    // booking got, and only makes one, for the new time, when the booking never had one.
    action(
      "invoice",
      "stripe",
      "create-draft-invoice",
      "The appointment's invoice",
      appointmentInvoiceProps({ contactId: "", dealId: "", taskId: "" }),
      { row: 2 },
    ),
    {
      id: "crm_known",
      type: "condition",
      label: "Appointment in HubSpot?",
      position: { x: 0, y: 3 * ROW },
      props: { combinator: "and", rules: [{ field: crmIdOn("invoice", "task"), operator: "is_not_empty" }] },
    },
    action(
      "move_task",
      "hubspot",
      "update-task",
      "Move the appointment task",
      {
        taskId: `{{ ${crmIdOn("invoice", "task")} }}`,
        dueAt: "{{ trigger.booking.startLocal }}",
        subject: TASK_SUBJECT,
        body: `${APPOINTMENT_DETAILS}\n${MOVED_FROM}`,
      },
      { row: 4, column: -1 },
    ),
    action(
      "move_deal",
      "hubspot",
      "update-deal",
      "Move the appointment's deal",
      {
        dealId: `{{ ${crmIdOn("invoice", "deal")} }}`,
        dealname: DEAL_NAME,
        closedate: "{{ trigger.booking.startLocal }}",
      },
      { row: 5, column: -1 },
    ),
    // Stripe cannot change a finalized invoice's dates; a draft has no number yet, so it is
    // replaced by one for the new time. A draft made by this run is already right.
    {
      id: "stale_draft",
      type: "condition",
      label: "Draft dated for the old time?",
      position: { x: 0, y: 6 * ROW },
      props: {
        combinator: "and",
        rules: [
          { field: "steps.invoice.created", operator: "equals", value: false },
          { field: "steps.invoice.status", operator: "equals", value: "draft" },
        ],
      },
    },
    action(
      "drop_draft",
      "stripe",
      "void-invoice",
      "Remove the old draft",
      { invoiceId: "{{ steps.invoice.invoiceId }}" },
      { row: 7, column: 1 },
    ),
    action(
      "redated_invoice",
      "stripe",
      "create-draft-invoice",
      "Draft invoice for the new time",
      appointmentInvoiceProps({
        contactId: asText(crmIdOn("invoice", "contact")),
        dealId: asText(crmIdOn("invoice", "deal")),
        taskId: asText(crmIdOn("invoice", "task")),
      }),
      { row: 8, column: 1 },
    ),
  ],
  edges: [
    ...chain("rescheduled", "customer", "invoice", "crm_known"),
    edge("crm_known", "move_task", "true"),
    edge("move_task", "move_deal"),
    edge("move_deal", "stale_draft"),
    edge("crm_known", "stale_draft", "false"),
    edge("stale_draft", "drop_draft", "true"),
    edge("drop_draft", "redated_invoice"),
  ],
};
