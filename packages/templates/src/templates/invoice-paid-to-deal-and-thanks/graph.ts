import type { FlowDocument } from "@handoff/flow-core";
import { action, edge, ROW, trigger } from "../../graph-builders";

/** `$formatNumber(…) & " EUR"`: an amount in cents as a jsonata text expression. */
const money = (cents: string) => `$formatNumber(${cents} / 100, "#,##0.00") & " " & trigger.invoice.currency`;

const INVOICE = "$default(trigger.invoice.number, trigger.invoice.id)";
const PAID_IN_FULL = 'trigger.lifecycle = "paid"';
/**
 * A partial payment's event says how much came in; `invoice.paid` does not (Stripe sends no
 * previous amount with it), so the settling payment is described by the total paid instead.
 */
const RECEIVED = "$default(trigger.paymentAmount, trigger.invoice.amountPaid)";
/** Stripe keeps no zone on invoices: the appointment's zone when the invoice came from a booking. */
const DUE_DATE = `$formatDate(trigger.invoice.dueDate, "d LLL yyyy", $default(trigger.invoice.metadata.appointment_time_zone, "UTC"))`;
const DEAL_ID = '{{ $default(trigger.invoice.metadata.hubspot_deal_id, "") }}';
/** An amount in cents as the plain number a HubSpot number property takes, in the deal's currency. */
const FIGURE = (cents: string) => `{{ $formatNumber(${cents} / 100, "0.00") }}`;

/**
 * What the deal itself carries: the portal's custom `payment_status` (unpaid, partially_paid, paid,
 * overdue, refunded) and the figures, so the deal list shows who still owes what without opening notes.
 */
const DEAL_PAYMENT = {
  payment_status: `{{ ${PAID_IN_FULL} ? "paid" : "partially_paid" }}`,
  amount_paid: FIGURE("trigger.invoice.amountPaid"),
  amount_remaining: FIGURE("trigger.invoice.amountRemaining"),
};

/** What the CRM keeps of the payment: the status in words and the figures, not a copy of the invoice. */
const PAYMENT_NOTE = [
  `{{ ${PAID_IN_FULL} ? "Paid in full: " & ${money("trigger.invoice.amountPaid")} & " paid on invoice " & ${INVOICE} & "." : "Partially paid: " & ${money(RECEIVED)} & " received on invoice " & ${INVOICE} & "." }}`,
  `Total {{ ${money("trigger.invoice.total")} }} (tax {{ ${money("trigger.invoice.tax")} }}, discount {{ ${money("trigger.invoice.discount")} }}{{ trigger.invoice.deposit ? ", deposit " & ${money("trigger.invoice.deposit")} : "" }}); paid {{ ${money("trigger.invoice.amountPaid")} }}, remaining {{ ${money("trigger.invoice.amountRemaining")} }}, due {{ ${DUE_DATE} }}.`,
  'Stripe customer {{ trigger.invoice.customerId }}, {{ $default(trigger.invoice.customerPhone, "no phone") }}. Invoice: {{ $default(trigger.invoice.hostedInvoiceUrl, "") }}',
].join("\n");

const APPOINTMENT_LINE = `{{ trigger.invoice.metadata.service ? "For your " & trigger.invoice.metadata.service & " on " & $formatDate(trigger.invoice.metadata.appointment_start, "ccc d LLL yyyy HH:mm", trigger.invoice.metadata.appointment_time_zone) & " (" & trigger.invoice.metadata.appointment_time_zone & ")." : "" }}`;

const THANK_YOU = [
  '{{ "Hello " & $default(trigger.invoice.customerName, "") & "," }}',
  "",
  `{{ ${PAID_IN_FULL} ? "Thank you: invoice " & ${INVOICE} & " is now paid in full (" & ${money("trigger.invoice.amountPaid")} & ")." : "Thank you: we received your payment of " & ${money(RECEIVED)} & " for invoice " & ${INVOICE} & "." }}`,
  APPOINTMENT_LINE,
  `{{ ${PAID_IN_FULL} ? "" : "Still to pay: " & ${money("trigger.invoice.amountRemaining")} & ", due " & ${DUE_DATE} & "." }}`,
  "",
  'Your invoice: {{ $default(trigger.invoice.hostedInvoiceUrl, "") }}',
].join("\n");

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("paid", "stripe", "invoice-payment-received", "Payment received", {}),
    action(
      "contact",
      "hubspot",
      "find-or-create-contact",
      "Find or create the contact",
      { email: "{{ trigger.invoice.customerEmail }}", phone: "{{ trigger.invoice.customerPhone }}" },
      { row: 1 },
    ),
    {
      id: "has_deal",
      type: "condition",
      label: "Invoice has a deal?",
      position: { x: 0, y: 2 * ROW },
      props: {
        combinator: "and",
        rules: [{ field: "trigger.invoice.metadata.hubspot_deal_id", operator: "is_not_empty" }],
      },
    },
    action(
      "deal_payment",
      "hubspot",
      "update-deal",
      "Set the deal's payment status",
      { dealId: "{{ trigger.invoice.metadata.hubspot_deal_id }}", properties: DEAL_PAYMENT },
      { row: 3, column: -1 },
    ),
    {
      id: "paid_in_full",
      type: "condition",
      label: "Paid in full?",
      position: { x: -320, y: 4 * ROW },
      props: {
        combinator: "and",
        rules: [{ field: "trigger.lifecycle", operator: "equals", value: "paid" }],
      },
    },
    action(
      "won",
      "hubspot",
      "move-deal-stage",
      "Move the deal to Closed won",
      { dealId: "{{ trigger.invoice.metadata.hubspot_deal_id }}", dealstage: "closedwon" },
      { row: 5, column: -2 },
    ),
    action(
      "log_payment",
      "hubspot",
      "create-note",
      "Log the payment on the deal",
      { body: PAYMENT_NOTE, contactId: "{{ steps.contact.contactId }}", dealId: DEAL_ID },
      { row: 6 },
    ),
    action(
      "thanks",
      "email",
      "send-email",
      "Thank-you e-mail",
      {
        from: `{{ $default(trigger.invoice.metadata.staff_owner, "Billing") }} <{{ $default(trigger.invoice.metadata.staff_email, "billing@example.com") }}>`,
        to: "{{ trigger.invoice.customerEmail }}",
        subject: `{{ ${PAID_IN_FULL} ? "Thank you — invoice " & ${INVOICE} & " is paid" : "Thank you for your payment on invoice " & ${INVOICE} }}`,
        text: THANK_YOU,
      },
      { row: 7 },
    ),
  ],
  edges: [
    edge("paid", "contact"),
    edge("contact", "has_deal"),
    edge("has_deal", "deal_payment", "true"),
    edge("has_deal", "log_payment", "false"),
    edge("deal_payment", "paid_in_full"),
    edge("paid_in_full", "won", "true"),
    edge("paid_in_full", "log_payment", "false"),
    edge("won", "log_payment"),
    edge("log_payment", "thanks"),
  ],
};
