import type { FlowDocument } from "@handoff/flow-core";
import { action, chain, trigger } from "../../graph-builders";

const invoice = (field: string) => `trigger.invoice.${field}`;

/** "91.80 EUR": Stripe amounts are in cents. */
const money = (field: string) =>
  `{{ $formatNumber(${invoice(field)} / 100, "#,##0.00") & " " & ${invoice("currency")} }}`;

const NUMBER = `{{ $default(${invoice("number")}, ${invoice("id")}) }}`;
const AMOUNT_DUE = money("amountRemaining");
/** Stripe keeps due dates as instants without a zone; the flow's zone (UTC by default) reads them. */
const DUE_DATE = `{{ $formatDate(${invoice("dueDate")}, "d MMMM yyyy") }}`;
const CUSTOMER = `{{ $default(${invoice("customerName")}, ${invoice("customerEmail")}) }}`;

const REMINDER_TEXT = [
  `Hello {{ $default(${invoice("customerName")}, "there") }},`,
  "",
  `This is a friendly reminder that invoice ${NUMBER} was due on ${DUE_DATE} and ${AMOUNT_DUE} is still open.`,
  "",
  `Total: ${money("total")} (tax ${money("tax")}, discount ${money("discount")})`,
  `Already paid: ${money("amountPaid")}`,
  `Amount due: ${AMOUNT_DUE}`,
  "",
  `You can see and pay the invoice here: {{ ${invoice("hostedInvoiceUrl")} }}`,
  `PDF: {{ ${invoice("invoicePdf")} }}`,
  "",
  "If you have paid in the meantime, thank you, and please ignore this message.",
].join("\n");

const TASK_BODY = [
  `Invoice ${NUMBER} for ${CUSTOMER} was due on ${DUE_DATE}.`,
  `Amount due: ${AMOUNT_DUE} of ${money("total")} (paid so far: ${money("amountPaid")}).`,
  `{{ ${invoice("deposit")} ? "Deposit expected: " & $formatNumber(${invoice("deposit")} / 100, "#,##0.00") & " " & ${invoice("currency")} : "No deposit on this invoice." }}`,
  `Phone: {{ $default(${invoice("customerPhone")}, "not on the invoice") }}. Stripe customer: {{ ${invoice("customerId")} }}. Status: {{ ${invoice("status")} }}.`,
  `Invoice: {{ ${invoice("hostedInvoiceUrl")} }}`,
  "Handoff e-mails the customer a polite reminder with this link.",
].join("\n");

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("overdue", "stripe", "invoice-overdue", "Invoice overdue", {}),
    action(
      "contact",
      "hubspot",
      "find-or-create-contact",
      "Find or create the contact",
      {
        email: `{{ ${invoice("customerEmail")} }}`,
        phone: `{{ ${invoice("customerPhone")} }}`,
        firstName: `{{ ${invoice("customerName")} ? $substringBefore(${invoice("customerName")}, " ") : "" }}`,
        lastName: `{{ $contains($string(${invoice("customerName")}), " ") ? $substringAfter(${invoice("customerName")}, " ") : "" }}`,
      },
      { row: 1 },
    ),
    action(
      "follow_up",
      "hubspot",
      "create-task",
      "Follow-up task",
      {
        subject: `Overdue: invoice ${NUMBER}, ${AMOUNT_DUE} due`,
        body: TASK_BODY,
        // The next day, counted from when the invoice was seen overdue.
        dueAt: '{{ $addDuration($fromMillis(trigger.created * 1000), 1, "days") }}',
        priority: "HIGH",
        contactId: "{{ steps.contact.contactId }}",
      },
      { row: 2 },
    ),
    action(
      "reminder",
      "email",
      "send-email",
      "Polite reminder",
      {
        from: "Accounts <accounts@example.com>",
        to: `{{ ${invoice("customerEmail")} }}`,
        subject: `Reminder: invoice ${NUMBER} was due on ${DUE_DATE}`,
        text: REMINDER_TEXT,
      },
      { row: 3 },
    ),
  ],
  edges: chain("overdue", "contact", "follow_up", "reminder"),
};
