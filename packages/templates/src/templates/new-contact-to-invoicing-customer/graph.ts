import type { FlowDocument } from "@handoff/flow-core";
import { action, asText, chain, trigger } from "../../graph-builders";

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("created", "hubspot", "contact-created", "Contact created", {}),
    // HubSpot's event names the contact by id only.
    action(
      "contact",
      "hubspot",
      "get-contact",
      "Read the contact",
      { contactId: "{{ trigger.contactId }}" },
      { row: 1 },
    ),
    // Finds the contact just read (by e-mail, then phone) and records it in the identity map, so the
    // customer is one identity across HubSpot and Stripe. It finds, so it creates nothing here.
    action(
      "identity",
      "hubspot",
      "find-or-create-contact",
      "Link the contact to the customer",
      {
        email: "{{ steps.contact.email }}",
        phone: "{{ steps.contact.phone }}",
        firstName: "{{ steps.contact.firstName }}",
        lastName: "{{ steps.contact.lastName }}",
      },
      { row: 2 },
    ),
    action(
      "customer",
      "stripe",
      "find-or-create-customer",
      "Link or create the Stripe customer",
      {
        email: "{{ steps.contact.email }}",
        phone: "{{ steps.contact.phone }}",
        name: "{{ steps.contact.name }}",
        metadata: { hubspot_contact_id: asText("trigger.contactId"), staff_owner: asText("steps.contact.ownerId") },
      },
      { row: 3 },
    ),
  ],
  edges: chain("created", "contact", "identity", "customer"),
};
