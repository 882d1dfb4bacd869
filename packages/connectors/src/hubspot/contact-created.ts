import { z } from "zod";
import { defineCrmEventTrigger } from "./crm-event-trigger";

export const contactCreatedTrigger = defineCrmEventTrigger({
  key: "contact-created",
  name: "Contact created",
  description:
    "Starts the flow when a contact is created in HubSpot (in the CRM, by import or by the API). " +
    "The event carries the contact id only: read the contact with an action for its email or name.",
  props: z.object({}),
  subscription: { eventType: "contact.creation" },
  matches: () => true,
  sample: {
    eventId: 100001,
    subscriptionId: 1,
    portalId: 62515,
    appId: 4012345,
    occurredAt: 1741078800000,
    subscriptionType: "contact.creation",
    attemptNumber: 0,
    changeFlag: "CREATED",
    changeSource: "CRM_UI",
    sourceId: "userId:8642001",
    lifecycle: "contact_created",
    objectType: "contact",
    objectId: "1001",
    contactId: "1001",
    occurredAtIso: "2025-03-04T09:00:00.000Z",
  },
});
