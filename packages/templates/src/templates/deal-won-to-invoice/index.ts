import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

/** Template 6: a won deal is invoiced at once — in full, or a deposit first when the deal asks for one. */
export const dealWonToInvoice: TemplateDefinition = {
  slug: "deal-won-to-invoice",
  title: "Deal won: first invoice or deposit request",
  outcome:
    "A deal marked won in HubSpot is invoiced in Stripe right away — the whole amount, or the deposit it asks for.",
  category: "invoicing",
  steps: [
    "When a HubSpot deal moves to Closed won,",
    "read the deal (name, amount, currency, owner, deposit) and the contact it is for;",
    "find the customer in Stripe by the identity map, then e-mail, then phone, or create it;",
    "draft the first invoice for the deal amount — or, when the deal asks for a deposit (30 % or a fixed amount), a deposit request for that part, the balance to be invoiced later. One invoice per deal, however often it is won again;",
    "finalize it and let Stripe e-mail it to the customer with its payment page;",
    "note the invoice number, amount and link on the deal in HubSpot (the link, never a copy of the invoice).",
  ],
  connections: [
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account the deals are in",
      nodeIds: ["won", "deal", "contact", "note"],
    },
    {
      role: "invoicing",
      provider: "stripe",
      label: "Stripe account that invoices",
      nodeIds: ["customer", "invoice", "send"],
    },
  ],
  fields: fieldsOf(graph, [
    {
      key: "deposit",
      label: "Deposit to ask for",
      description:
        'A share of the deal amount ("30%") or an amount in cents (15000 is 150.00); empty invoices the whole amount. ' +
        'By default the deal\'s own "deposit" property: "30%", or an amount in the deal\'s currency.',
      nodeId: "invoice",
      prop: "deposit",
    },
    {
      key: "amount",
      label: "Amount (in cents, before tax)",
      description: "By default the deal amount, turned from HubSpot's decimal into cents.",
      nodeId: "invoice",
      prop: "amount",
    },
    {
      key: "currency",
      label: "Currency",
      description: "Three-letter code; the deal's currency by default, else eur.",
      nodeId: "invoice",
      prop: "currency",
    },
    {
      key: "taxRateId",
      label: "Tax rate",
      description: "A Stripe tax rate id (txr_…) on the invoice line; empty for no tax.",
      nodeId: "invoice",
      prop: "taxRateIds.0",
    },
    {
      key: "couponId",
      label: "Discount coupon",
      description: "A Stripe coupon id applied to the invoice; empty for no discount.",
      nodeId: "invoice",
      prop: "couponId",
    },
    {
      key: "daysUntilDue",
      label: "Days to pay",
      description: "Days from sending to the due date.",
      nodeId: "invoice",
      prop: "daysUntilDue",
    },
    {
      key: "serviceLine",
      label: "Invoice line",
      description: "What was sold, as the invoice shows it; the deal name by default.",
      nodeId: "invoice",
      prop: "description",
    },
  ]),
  graph,
};
