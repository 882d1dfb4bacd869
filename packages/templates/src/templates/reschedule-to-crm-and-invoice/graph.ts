import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, edge, ROW, trigger } from "../../graph-builders";
import {
  APPOINTMENT_DETAILS,
  APPOINTMENT_KEY,
  appointmentMetadata,
  DEAL_NAME,
  LOCAL_START_WITH_ZONE,
  SERVICE_LINE,
  TASK_SUBJECT,
} from "../appointment-context";
import { appointmentInvoiceProps } from "../appointment-invoice";

/** What the booking template wrote on the invoice: the appointment's CRM records. */
const crmIdOn = (key: "contact" | "deal" | "task") => `steps.invoice.metadata.hubspot_${key}_id`;

const MOVED_FROM = `Moved from: {{ trigger.booking.previousStart ? $formatDate(trigger.booking.previousStart, "ccc d LLL yyyy HH:mm", trigger.booking.timeZone) & " (" & trigger.booking.timeZone & ")" : "an earlier time" }}`;

/**
 * An invoice already finalized keeps its dates (Stripe freezes them): the task says so, on a line
 * of its own, for a person to decide what to do with it.
 */
const SENT_INVOICE_NOTE = `{{ steps.invoice.found and steps.invoice.status != "draft" ? "\\nInvoice " & $default(steps.invoice.number, steps.invoice.invoiceId) & " is already " & (steps.invoice.status = "open" ? "sent" : steps.invoice.status) & " and was left as it is" & (steps.invoice.dueDate ? ", due " & $formatDate(steps.invoice.dueDate, "ccc d LLL yyyy", trigger.booking.timeZone) : "") & "." : "" }}`;

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
    // Keyed on the appointment (Cal.com keeps its iCalUID across moves): the invoice the booking got.
    action(
      "invoice",
      "stripe",
      "find-invoice",
      "Find the appointment's invoice",
      { customerId: "{{ steps.customer.customerId }}", dedupeKey: APPOINTMENT_KEY },
      { row: 2 },
    ),
    {
      id: "crm_known",
      type: "condition",
      label: "Appointment in HubSpot?",
      position: { x: 0, y: 3 * ROW },
      props: { combinator: "and", rules: [{ field: crmIdOn("task"), operator: "is_not_empty" }] },
    },
    action(
      "move_task",
      "hubspot",
      "update-task",
      "Move the appointment task",
      {
        taskId: `{{ ${crmIdOn("task")} }}`,
        dueAt: "{{ trigger.booking.startLocal }}",
        subject: TASK_SUBJECT,
        body: `${APPOINTMENT_DETAILS}\n${MOVED_FROM}${SENT_INVOICE_NOTE}`,
      },
      { row: 4, column: -1 },
    ),
    action(
      "move_deal",
      "hubspot",
      "update-deal",
      "Move the appointment's deal",
      {
        dealId: `{{ ${crmIdOn("deal")} }}`,
        dealname: DEAL_NAME,
        closedate: "{{ trigger.booking.startLocal }}",
      },
      { row: 5, column: -1 },
    ),
    // A draft moves in place (same invoice id, hand edits kept); a booking that never got an invoice
    // gets one for the new time; an invoice already sent matches no path and stays as it is.
    {
      id: "invoice_state",
      type: "paths",
      label: "What is the invoice?",
      position: { x: 0, y: 6 * ROW },
      props: {
        mode: "first-match",
        branches: [
          {
            key: "draft",
            label: "A draft",
            rules: {
              combinator: "and",
              rules: [{ field: "steps.invoice.status", operator: "equals", value: "draft" }],
            },
          },
          {
            key: "none",
            label: "No invoice yet",
            rules: { combinator: "and", rules: [{ field: "steps.invoice.found", operator: "equals", value: false }] },
          },
        ],
      },
    },
    action(
      "redate_invoice",
      "stripe",
      "update-draft-invoice",
      "Move the draft to the new time",
      {
        invoiceId: "{{ steps.invoice.invoiceId }}",
        dueDate: "{{ trigger.booking.startLocal }}",
        description: `{{ trigger.booking.service }} on ${LOCAL_START_WITH_ZONE}`,
        lineDescription: SERVICE_LINE,
        // The CRM ids are the ones the booking wrote, so they are set again as they were.
        metadata: appointmentMetadata({
          contactId: asText(crmIdOn("contact")),
          dealId: asText(crmIdOn("deal")),
          taskId: asText(crmIdOn("task")),
        }),
      },
      { row: 7, column: -1 },
    ),
    action(
      "new_invoice",
      "stripe",
      "create-draft-invoice",
      "Draft invoice for the new time",
      appointmentInvoiceProps({ contactId: "", dealId: "", taskId: "" }),
      { row: 7, column: 1 },
    ),
  ],
  edges: [
    ...chain("rescheduled", "customer", "invoice", "crm_known"),
    edge("crm_known", "move_task", "true"),
    edge("move_task", "move_deal"),
    edge("move_deal", "invoice_state"),
    edge("crm_known", "invoice_state", "false"),
    edge("invoice_state", "redate_invoice", "draft"),
    edge("invoice_state", "new_invoice", "none"),
  ],
};
