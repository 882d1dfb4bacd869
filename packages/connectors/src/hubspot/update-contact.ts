import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { type RecordOutput, toRecordOutput, updateObject } from "./crm-objects";

export const ZUpdateContactProps = z.object({
  contactId: z.string().trim().min(1, "contactId is required"),
  properties: z
    .record(z.string(), z.string())
    .refine((properties) => Object.keys(properties).length > 0, "give at least one property to update")
    .describe('Contact properties by internal name (firstname, phone, lifecyclestage, …); "" clears a value'),
});

/**
 * Overwrites the given properties (find-or-create-contact only fills blanks). A PATCH sets the
 * same values again when repeated, so a retry is harmless. A 409 (the email belongs to another
 * contact) and a 404 are final, with HubSpot's message.
 */
export const updateContactAction = defineAction({
  key: "update-contact",
  name: "Update contact",
  description: "Sets properties of a HubSpot contact, overwriting what is there.",
  props: ZUpdateContactProps,
  sideEffect: false,
  sampleOutput: { contactId: "1001", contact: { id: "1001", properties: { lifecyclestage: "customer" } } },
  async run(ctx): Promise<{ contactId: string; contact: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const properties = { ...ctx.props.properties };
    // Match keys are stored normalised, as find-or-create-contact writes them, so later lookups find them.
    if (properties.email) properties.email = properties.email.trim().toLowerCase();
    const phone = properties.phone ? ctx.identity?.normalize({ phone: properties.phone }).phone : undefined;
    if (phone) properties.phone = phone;
    const contact = await updateObject(client, "contacts", ctx.props.contactId, properties);
    return { contactId: contact.id, contact: toRecordOutput(contact) };
  },
});
