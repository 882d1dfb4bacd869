import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

/** Template 7: every CRM contact has its invoicing customer, one identity across both tools. */
export const newContactToInvoicingCustomer: TemplateDefinition = {
  slug: "new-contact-to-invoicing-customer",
  title: "New contact: link or create the invoicing customer",
  outcome:
    "Every new HubSpot contact is ready to invoice in Stripe — linked to the customer it already is, never duplicated.",
  category: "crm",
  steps: [
    "When a contact is created in HubSpot (in the CRM, by an import or by another tool),",
    "read the contact: e-mail, phone, name and owner;",
    "record the contact in Handoff's identity map, so the customer is one identity across your tools;",
    "find the Stripe customer by the identity map, then e-mail, then phone, and link it — or create it when there is none. Two possible matches go to the review queue instead of being guessed.",
  ],
  connections: [
    {
      role: "crm",
      provider: "hubspot",
      label: "HubSpot account the contacts come from",
      nodeIds: ["created", "contact", "identity"],
    },
    { role: "invoicing", provider: "stripe", label: "Stripe account the customers are in", nodeIds: ["customer"] },
  ],
  fields: fieldsOf(graph, [
    {
      key: "customerName",
      label: "Name on a new Stripe customer",
      description: "Written only on a customer Handoff creates; an existing customer keeps the name it has in Stripe.",
      nodeId: "customer",
      prop: "name",
    },
  ]),
  graph,
};
