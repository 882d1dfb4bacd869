import { ConnectorError, defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { getObject, type RecordOutput, toRecordOutput } from "./crm-objects";

/** What flows need of a person; more by `properties`. */
const CONTACT_PROPERTIES = ["email", "phone", "mobilephone", "firstname", "lastname", "hubspot_owner_id"] as const;

export const ZGetContactProps = z.object({
  contactId: z.string().trim().min(1, "contactId is required").describe("The contact's id, e.g. trigger.contactId"),
  properties: z
    .array(z.string().trim().min(1))
    .optional()
    .describe("Other properties to read by internal name, e.g. lifecyclestage"),
});

export type GetContactOutput = {
  contactId: string;
  /** Lower-cased, as HubSpot stores it; null when the contact has none. */
  email: string | null;
  /** The phone, else the mobile phone, as typed in HubSpot. */
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  /** First and last name joined; null when both are empty. */
  name: string | null;
  /** The contact owner (staff member), a HubSpot owner id. */
  ownerId: string | null;
  contact: RecordOutput;
};

/**
 * HubSpot's events carry ids only: this reads the person behind a contact id (a strongly
 * consistent read, unlike search). A contact deleted or merged since is a final error.
 */
export const getContactAction = defineAction({
  key: "get-contact",
  name: "Get contact",
  description: "Reads a HubSpot contact by id: e-mail, phone, name and owner, plus any properties you name.",
  props: ZGetContactProps,
  sideEffect: false,
  sampleOutput: {
    contactId: "1001",
    email: "jane.roe@example.com",
    phone: "+33612345678",
    firstName: "Jane",
    lastName: "Roe",
    name: "Jane Roe",
    ownerId: "75310001",
    contact: {
      id: "1001",
      properties: { email: "jane.roe@example.com", phone: "+33612345678", firstname: "Jane", lastname: "Roe" },
    },
  },
  async run(ctx): Promise<GetContactOutput> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const properties = [...new Set([...CONTACT_PROPERTIES, ...(ctx.props.properties ?? [])])];
    const contact = await getObject(client, "contacts", ctx.props.contactId, { properties });
    if (!contact) {
      throw new ConnectorError({
        code: "not_found",
        message: `HubSpot has no contact ${ctx.props.contactId} (deleted or merged since?)`,
      });
    }
    const value = (name: string) => contact.properties[name]?.trim() || null;
    const firstName = value("firstname");
    const lastName = value("lastname");
    return {
      contactId: contact.id,
      email: value("email"),
      phone: value("phone") ?? value("mobilephone"),
      firstName,
      lastName,
      name: [firstName, lastName].filter(Boolean).join(" ") || null,
      ownerId: value("hubspot_owner_id"),
      contact: toRecordOutput(contact),
    };
  },
});
