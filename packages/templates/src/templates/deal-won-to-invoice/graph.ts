import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, trigger } from "../../graph-builders";

/**
 * The deposit the deal asks for, from its `deposit` property (a HubSpot custom property): "30%"
 * is passed on as a share, an amount ("300", in the deal's currency) becomes cents. Empty: none.
 */
export const DEPOSIT_FROM_DEAL =
  '{{ steps.deal.properties.deposit ? ($contains(steps.deal.properties.deposit, "%") ? steps.deal.properties.deposit : $roundHalfUp($number(steps.deal.properties.deposit) * 100)) : "" }}';

/** HubSpot amounts are decimals in the currency ("1200.50"); Stripe takes cents. */
const AMOUNT_IN_CENTS = "{{ $roundHalfUp($number(steps.deal.amount) * 100) }}";

const money = (amount: string) => `$formatNumber(${amount} / 100, "#,##0.00") & " " & steps.send.currency`;

const NOTE = [
  '{{ steps.invoice.kind = "deposit" ? "Deposit request" : "First invoice" }} {{ steps.send.number }} sent to {{ steps.contact.email }}:',
  `{{ ${money("steps.send.amountDue")} }} (tax {{ ${money("steps.send.tax")} }}), due {{ $formatDate(steps.send.dueDate, "d MMMM yyyy") }}.`,
  `{{ steps.invoice.kind = "deposit" ? "Balance still to invoice: " & ${money("steps.invoice.balance")} & " before tax." : "" }}`,
  "Invoice: {{ steps.send.hostedInvoiceUrl }}",
].join("\n");

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("won", "hubspot", "deal-stage-changed", "Deal won", { stage: "closedwon" }),
    action(
      "deal",
      "hubspot",
      "get-deal",
      "Read the deal",
      { dealId: "{{ trigger.dealId }}", properties: ["deposit"] },
      { row: 1 },
    ),
    action(
      "contact",
      "hubspot",
      "get-contact",
      "Read the deal's contact",
      { contactId: "{{ steps.deal.contactId }}" },
      { row: 2 },
    ),
    action(
      "customer",
      "stripe",
      "find-or-create-customer",
      "Find or create the Stripe customer",
      {
        email: "{{ steps.contact.email }}",
        phone: "{{ steps.contact.phone }}",
        name: "{{ steps.contact.name }}",
        metadata: { hubspot_contact_id: asText("steps.deal.contactId") },
      },
      { row: 3 },
    ),
    action(
      "invoice",
      "stripe",
      "create-first-invoice",
      "First invoice or deposit request",
      {
        customerId: "{{ steps.customer.customerId }}",
        currency: '{{ $lowercase($default(steps.deal.currency, "eur")) }}',
        description: "{{ steps.deal.dealname }}",
        amount: AMOUNT_IN_CENTS,
        deposit: DEPOSIT_FROM_DEAL,
        taxRateIds: [""],
        couponId: "",
        daysUntilDue: "14",
        // One invoice per won deal, however often the deal is won again or the run replayed.
        dedupeKey: "hubspot-deal:{{ trigger.dealId }}",
        metadata: {
          hubspot_deal_id: asText("trigger.dealId"),
          hubspot_contact_id: asText("steps.deal.contactId"),
          staff_owner: asText("steps.deal.ownerId"),
          customer_email: asText("steps.contact.email"),
          customer_phone: asText("steps.contact.phone"),
        },
      },
      { row: 4 },
    ),
    action(
      "send",
      "stripe",
      "finalize-and-send-invoice",
      "Finalize and e-mail it",
      { invoiceId: "{{ steps.invoice.invoiceId }}" },
      { row: 5 },
    ),
    action(
      "note",
      "hubspot",
      "create-note",
      "Note the invoice on the deal",
      { body: NOTE, dealId: "{{ trigger.dealId }}", contactId: "{{ steps.deal.contactId }}" },
      { row: 6 },
    ),
  ],
  edges: chain("won", "deal", "contact", "customer", "invoice", "send", "note"),
};
