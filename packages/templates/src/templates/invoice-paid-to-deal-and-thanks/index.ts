import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

export const invoicePaidToDealAndThanks: TemplateDefinition = {
  slug: "invoice-paid-to-deal-and-thanks",
  title: "Payment to CRM deal and thank-you",
  outcome: "Every payment, in full or in part, shows on the customer's deal and gets a thank-you.",
  category: "invoicing",
  steps: [
    "When Stripe records a payment on an invoice — a deposit, an instalment or the rest —",
    "find the customer in HubSpot by e-mail, then phone, or create the contact;",
    "if the invoice belongs to a deal, set the deal's payment status to paid or partially paid, with the amount paid and what remains (the deal properties payment_status, amount_paid and amount_remaining, created once in HubSpot's property settings);",
    "if the invoice is now paid in full, also move the deal to Closed won (a part payment leaves the stage as it is);",
    "log the payment on the deal and the contact: paid in full or partially paid, with the amounts, tax, discount, deposit, what remains and the due date;",
    "thank the customer by e-mail with the amount received, what is left to pay and the link to the invoice.",
  ],
  connections: [
    { role: "invoicing", provider: "stripe", label: "Stripe account the payments arrive in", nodeIds: ["paid"] },
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account with the deals",
      nodeIds: ["contact", "deal_payment", "won", "log_payment"],
    },
    { role: "email", provider: "email", label: "Mailbox the thank-you is sent from", nodeIds: ["thanks"] },
  ],
  fields: fieldsOf(graph, [
    {
      key: "paidStage",
      label: "Deal stage when paid",
      description: "The HubSpot stage (internal id) a deal moves to once its invoice is paid in full.",
      nodeId: "won",
      prop: "dealstage",
    },
    {
      key: "sender",
      label: "Thank-you sender",
      description:
        "Who the thank-you comes from: the staff member of the appointment when the invoice came from a booking; set your billing address here.",
      nodeId: "thanks",
      prop: "from",
    },
  ]),
  graph,
};
