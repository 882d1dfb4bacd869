import {
  type ActionContext,
  ConnectorError,
  defineAction,
  type HttpClient,
  type NormalizedIdentityKeys,
  normalizeIdentityKeys,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import {
  askIdentityMap,
  type ContactKeys,
  type ContactMatch,
  contactProperties,
  createOrAdoptContact,
  fillBlanks,
  findContactByEmail,
  findContactsByPhone,
  HUBSPOT_PROVIDER,
  type MatchedBy,
  sendToReview,
} from "./contact-matching";
import { type RecordOutput, toRecordOutput } from "./crm-objects";
import { optionalText, ZOptionalEmail } from "./props";

export const ZFindOrCreateContactProps = z
  .object({
    email: ZOptionalEmail,
    phone: optionalText.describe("Any format; read with the workspace's country and stored in E.164"),
    firstName: optionalText,
    lastName: optionalText,
    properties: z
      .record(z.string(), z.string())
      .optional()
      .describe("Other contact properties by internal name, written only where the contact has no value yet"),
  })
  .refine((props) => props.email !== undefined || props.phone !== undefined, {
    message: "give an email or a phone to find the contact by",
    path: ["email"],
  });

export type FindOrCreateContactProps = z.output<typeof ZFindOrCreateContactProps>;

export type FindOrCreateContactOutput = {
  contactId: string;
  created: boolean;
  matchedBy: MatchedBy;
  contact: RecordOutput;
};

function normalize(ctx: ActionContext<FindOrCreateContactProps>): NormalizedIdentityKeys {
  const keys = { email: ctx.props.email, phone: ctx.props.phone };
  return ctx.identity ? ctx.identity.normalize(keys) : normalizeIdentityKeys(keys);
}

/**
 * The properties a new contact gets: the lower-cased email and the E.164 phone (a number that
 * does not parse is kept as typed: it is still the customer's data, it is just never matched on).
 */
function desiredProperties(props: FindOrCreateContactProps, keys: NormalizedIdentityKeys): Record<string, string> {
  const explicit = {
    email: keys.email,
    phone: keys.phone ?? props.phone,
    firstname: props.firstName,
    lastname: props.lastName,
  };
  const named = Object.entries(explicit).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...props.properties, ...Object.fromEntries(named) };
}

/**
 * Stable id (the identity map's link), then email, then phone; never the name. When a person
 * settled a conflict for these keys with "create new", matching would find the same contacts and
 * stop again: the contact is created straight away (HubSpot still refuses a second one with the
 * same email, and that contact is then the match).
 */
async function match(
  ctx: ActionContext<FindOrCreateContactProps>,
  keys: ContactKeys,
  desired: Record<string, string>,
): Promise<ContactMatch> {
  const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const properties = contactProperties(desired);
  const known = await askIdentityMap(client, ctx.identity, keys, properties);
  if (known.kind === "linked") return { contact: await fillBlanks(client, known.contact, desired), matchedBy: "link" };
  if (known.kind === "decided_new") {
    ctx.log("Creating the contact a person decided is new", { reviewId: known.reviewId });
    return createContact(client, desired, properties);
  }
  if (keys.email) {
    const byEmail = await findContactByEmail(client, keys.email, properties);
    if (byEmail) return { contact: await fillBlanks(client, byEmail, desired), matchedBy: "email" };
  }
  if (keys.phone) {
    const byPhone = await findContactsByPhone(client, keys.phone, properties);
    if (byPhone.length > 1) await sendToReview(ctx.identity, keys, byPhone);
    const [only] = byPhone;
    if (only) return { contact: await fillBlanks(client, only, desired), matchedBy: "phone" };
  }
  return createContact(client, desired, properties);
}

async function createContact(
  client: HttpClient,
  desired: Record<string, string>,
  properties: readonly string[],
): Promise<ContactMatch> {
  const made = await createOrAdoptContact(client, desired, properties);
  return made.matchedBy === "created" ? made : { ...made, contact: await fillBlanks(client, made.contact, desired) };
}

export const findOrCreateContactAction = defineAction({
  key: "find-or-create-contact",
  name: "Find or create contact",
  description:
    "Finds the customer's HubSpot contact by the identity map, then email, then phone (never by name), " +
    "or creates it. Two contacts with the same phone go to the review queue instead of being guessed.",
  props: ZFindOrCreateContactProps,
  // It may create a contact; running it again finds that contact instead of making a second one.
  sideEffect: true,
  sampleOutput: {
    contactId: "1001",
    created: true,
    matchedBy: "created",
    contact: {
      id: "1001",
      properties: { email: "jane.roe@example.com", phone: "+33612345678", firstname: "Jane", lastname: "Roe" },
    },
  },
  async run(ctx): Promise<FindOrCreateContactOutput> {
    const keys = normalize(ctx);
    if (!keys.email && !keys.phone) {
      throw new ConnectorError({
        code: "validation",
        message: `the phone "${ctx.props.phone ?? ""}" is not a valid phone number and there is no email to match on`,
      });
    }
    const name = [ctx.props.firstName, ctx.props.lastName].filter(Boolean).join(" ") || undefined;
    const identityKeys: ContactKeys = { ...keys, name };
    const { contact, matchedBy } = await match(ctx, identityKeys, desiredProperties(ctx.props, keys));
    await ctx.identity?.link({ provider: HUBSPOT_PROVIDER, externalId: contact.id, ...identityKeys });
    ctx.log("HubSpot contact", { contactId: contact.id, matchedBy });
    return {
      contactId: contact.id,
      created: matchedBy === "created",
      matchedBy,
      contact: toRecordOutput(contact),
    };
  },
});
