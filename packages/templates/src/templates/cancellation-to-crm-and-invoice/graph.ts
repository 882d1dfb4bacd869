import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, edge, ROW, trigger } from "../../graph-builders";
import {
  APPOINTMENT_DETAILS,
  APPOINTMENT_KEY,
  appointmentMetadata,
  LOCAL_START_WITH_ZONE,
  TASK_SUBJECT,
} from "../appointment-context";

/** What the booking template wrote on the invoice: the appointment's CRM records. */
const crmIdOn = (key: "contact" | "deal" | "task") => `steps.invoice.metadata.hubspot_${key}_id`;

const CANCELED = `Canceled{{ trigger.booking.cancellationReason ? ": " & trigger.booking.cancellationReason : "" }}`;

/** Hours between the cancellation (Cal.com's event time) and the appointment's start. */
const NOTICE_GIVEN_HOURS = "($toMillis(trigger.booking.start) - $toMillis(trigger.createdAt)) / 3600000";

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("canceled", "calcom", "booking-cancelled", "Appointment canceled", { eventTypeSlug: "" }),
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
      "close_task",
      "hubspot",
      "update-task",
      "Close the appointment task",
      {
        taskId: `{{ ${crmIdOn("task")} }}`,
        status: "COMPLETED",
        subject: `Canceled — ${TASK_SUBJECT}`,
        body: `${APPOINTMENT_DETAILS}\n${CANCELED}`,
      },
      { row: 4, column: -1 },
    ),
    action(
      "lose_deal",
      "hubspot",
      "move-deal-stage",
      "Close the appointment's deal",
      { dealId: `{{ ${crmIdOn("deal")} }}`, dealstage: "closedlost" },
      { row: 5, column: -1 },
    ),
    {
      id: "has_invoice",
      type: "condition",
      label: "Appointment invoiced?",
      position: { x: 0, y: 6 * ROW },
      props: { combinator: "and", rules: [{ field: "steps.invoice.found", operator: "equals", value: true }] },
    },
    // A draft is deleted (Stripe cannot void drafts); an invoice already sent is voided and keeps
    // its number; a paid one is refused, for a person to refund in Stripe.
    action(
      "cancel_invoice",
      "stripe",
      "void-invoice",
      "Void the invoice",
      { invoiceId: "{{ steps.invoice.invoiceId }}" },
      { row: 7, column: 1 },
    ),
    {
      id: "late",
      type: "condition",
      label: "Canceled inside the notice period?",
      position: { x: 0, y: 8 * ROW },
      props: {
        combinator: "and",
        rules: [
          { field: NOTICE_GIVEN_HOURS, operator: "less_than", value: "24" },
          { field: "trigger.booking.priceMinorUnits", operator: "greater_than", value: 0 },
        ],
      },
    },
    action(
      "fee_invoice",
      "stripe",
      "create-draft-invoice",
      "Cancellation fee invoice",
      {
        customerId: "{{ steps.customer.customerId }}",
        currency: "{{ trigger.booking.currency }}",
        lines: [
          {
            description: `Late cancellation — {{ trigger.booking.service }} on ${LOCAL_START_WITH_ZONE}`,
            quantity: 1,
            unitAmount: "{{ $roundHalfUp($default(trigger.booking.priceMinorUnits, 0) * 0.5) }}",
          },
        ],
        defaultTaxRateIds: [""],
        description: `Cancellation fee for the {{ trigger.booking.service }} on ${LOCAL_START_WITH_ZONE}, canceled {{ $formatDate(trigger.createdAt, "ccc d LLL yyyy HH:mm", trigger.booking.timeZone) }}`,
        dedupeKey: '{{ $default(trigger.iCalUID, trigger.booking.uid) & ":cancellation-fee" }}',
        metadata: {
          ...appointmentMetadata({
            contactId: asText(crmIdOn("contact")),
            dealId: asText(crmIdOn("deal")),
            taskId: asText(crmIdOn("task")),
          }),
          cancellation_reason: asText("trigger.booking.cancellationReason"),
        },
      },
      { row: 9, column: 1 },
    ),
    action(
      "send_fee",
      "stripe",
      "finalize-and-send-invoice",
      "Send the fee invoice",
      { invoiceId: "{{ steps.fee_invoice.invoiceId }}" },
      { row: 10, column: 1 },
    ),
  ],
  edges: [
    ...chain("canceled", "customer", "invoice", "crm_known"),
    edge("crm_known", "close_task", "true"),
    edge("close_task", "lose_deal"),
    edge("lose_deal", "has_invoice"),
    edge("crm_known", "has_invoice", "false"),
    edge("has_invoice", "cancel_invoice", "true"),
    edge("has_invoice", "late", "false"),
    edge("cancel_invoice", "late"),
    edge("late", "fee_invoice", "true"),
    edge("fee_invoice", "send_fee"),
  ],
};
