import { ConnectorError, type HttpClient, type IdentityContext, isJsonObject } from "@handoff/connector-sdk";
import {
  getObject,
  type HubspotObject,
  objectPath,
  readObject,
  type SearchFilter,
  searchObjects,
  updateObject,
} from "./crm-objects";

export const HUBSPOT_PROVIDER = "hubspot";

export type MatchedBy = "link" | "email" | "phone" | "created" | "conflict_existing";

export interface ContactMatch {
  contact: HubspotObject;
  matchedBy: MatchedBy;
}

/** What the step knows of the customer, already normalised (lower-cased email, E.164 phone). */
export interface ContactKeys {
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
}

/** The read properties: the ones matched and filled in, plus the caller's extra ones. */
export function contactProperties(desired: Record<string, string>): string[] {
  return [...new Set(["email", "phone", "mobilephone", "firstname", "lastname", ...Object.keys(desired)])];
}

/**
 * What the identity map knows before any search: the contact linked to this customer (one deleted
 * in HubSpot since is not an error, matching goes on), or a person's "none of these — create new"
 * for these keys, or nothing.
 */
export type IdentityAnswer =
  | { kind: "linked"; contact: HubspotObject }
  | { kind: "decided_new"; reviewId: string }
  | { kind: "none" };

export async function askIdentityMap(
  client: HttpClient,
  identity: IdentityContext | undefined,
  keys: ContactKeys,
  properties: readonly string[],
): Promise<IdentityAnswer> {
  if (!identity) return { kind: "none" };
  const lookup = await identity.lookup(HUBSPOT_PROVIDER, { email: keys.email, phone: keys.phone });
  if (lookup.status === "decided_new") return { kind: "decided_new", reviewId: lookup.reviewId };
  if (lookup.status !== "linked") return { kind: "none" };
  const contact = await getObject(client, "contacts", lookup.externalId, { properties });
  return contact ? { kind: "linked", contact } : { kind: "none" };
}

/** `idProperty=email` is a strongly consistent read, unlike search: a contact created a second ago is found. */
export function findContactByEmail(client: HttpClient, email: string, properties: readonly string[]) {
  return getObject(client, "contacts", email, { properties, idProperty: "email" });
}

/** Phone search is exact string matching, which is why numbers are written in E.164. */
export function findContactsByPhone(client: HttpClient, phone: string, properties: readonly string[]) {
  const groups: SearchFilter[][] = [
    [{ propertyName: "phone", operator: "EQ", value: phone }],
    [{ propertyName: "mobilephone", operator: "EQ", value: phone }],
  ];
  return searchObjects(client, "contacts", groups, { properties, limit: 10 });
}

function describeCandidate(contact: HubspotObject): string {
  const { firstname, lastname, email } = contact.properties;
  const name = [firstname, lastname].filter(Boolean).join(" ");
  return [name, email ? `<${email}>` : undefined].filter(Boolean).join(" ") || `contact ${contact.id}`;
}

/**
 * Two contacts share the phone: never guess (and never pick by name). The identity map's review
 * queue gets both, and the step fails for good so the flow does not go on with the wrong person.
 */
export async function sendToReview(
  identity: IdentityContext | undefined,
  keys: ContactKeys,
  candidates: HubspotObject[],
): Promise<never> {
  const review = await identity?.review({
    provider: HUBSPOT_PROVIDER,
    email: keys.email,
    phone: keys.phone,
    name: keys.name,
    candidates: candidates.map((contact) => ({
      externalId: contact.id,
      matchedBy: "phone",
      label: describeCandidate(contact),
    })),
  });
  const ids = candidates.map((contact) => contact.id).join(", ");
  throw new ConnectorError({
    code: "conflict",
    kind: "final",
    message: `${candidates.length} HubSpot contacts (${ids}) have the phone ${keys.phone}; ${
      review ? `sent to the review queue (${review.reviewId})` : "a person must choose"
    } instead of guessing`,
  });
}

const EXISTING_ID = /Existing ID: (\d+)/;

/**
 * Creates the contact. A 409 CONTACT_EXISTS means it appeared since we looked (a concurrent run,
 * someone in the CRM): its id is in the message, and that contact is the match.
 */
export async function createOrAdoptContact(
  client: HttpClient,
  desired: Record<string, string>,
  properties: readonly string[],
): Promise<ContactMatch> {
  const response = await client.request({
    method: "POST",
    path: objectPath("contacts"),
    json: { properties: desired, associations: [] },
    accept: [409],
  });
  if (response.status !== 409)
    return { contact: readObject(response.body, "the contact create"), matchedBy: "created" };
  const message = isJsonObject(response.body) ? String(response.body.message ?? "") : "";
  const existingId = EXISTING_ID.exec(message)?.[1];
  const existing = existingId ? await getObject(client, "contacts", existingId, { properties }) : undefined;
  if (!existing) {
    throw new ConnectorError({
      code: "conflict",
      status: 409,
      message: "HubSpot refused the contact as a duplicate without naming a contact we can read",
      ...(message ? { providerMessage: message } : {}),
    });
  }
  return { contact: existing, matchedBy: "conflict_existing" };
}

/**
 * The CRM owns people: a match only gets the values it lacks (a phone on a contact found by
 * email), never an overwrite of what someone typed in HubSpot. Use update-contact to overwrite.
 */
export async function fillBlanks(
  client: HttpClient,
  contact: HubspotObject,
  desired: Record<string, string>,
): Promise<HubspotObject> {
  const blanks = Object.fromEntries(
    Object.entries(desired).filter(([name, value]) => value !== "" && !contact.properties[name]),
  );
  if (Object.keys(blanks).length === 0) return contact;
  const updated = await updateObject(client, "contacts", contact.id, blanks);
  return { id: contact.id, properties: { ...contact.properties, ...updated.properties } };
}
