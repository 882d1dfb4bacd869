import {
  ConnectorError,
  type HttpClient,
  type IdentityContext,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "@handoff/connector-sdk";
import { readStripe, stripePath } from "./client";
import { type StripeCustomer, ZCustomer, ZList, ZSearchResult } from "./stripe-objects";

export const STRIPE_PROVIDER = "stripe";

export type MatchedBy = "link" | "email" | "phone" | "created";

/** A customer as read, with Stripe's whole object kept for the step's output. */
export interface FetchedCustomer {
  customer: StripeCustomer;
  raw: JsonObject;
}

/** What the step knows of the customer, normalised: lower-cased email, E.164 phone. */
export interface CustomerKeys {
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
}

function fetched(body: JsonValue, what: string): FetchedCustomer {
  return { customer: readStripe(ZCustomer, body, what), raw: isJsonObject(body) ? body : {} };
}

function listed(items: JsonValue[]): FetchedCustomer[] {
  return items.map((item) => fetched(item, "a customer in the list"));
}

/**
 * What the identity map knows before any search: the customer linked to this person (one deleted
 * in Stripe since — Stripe keeps answering `{deleted:true}`, or 404 once purged — is not an error:
 * matching goes on by email), or a person's "none of these — create new" for these keys, or nothing.
 */
export type IdentityAnswer =
  | { kind: "linked"; found: FetchedCustomer }
  | { kind: "decided_new"; reviewId: string }
  | { kind: "none" };

export async function askIdentityMap(
  client: HttpClient,
  identity: IdentityContext | undefined,
  keys: CustomerKeys,
): Promise<IdentityAnswer> {
  if (!identity) return { kind: "none" };
  const lookup = await identity.lookup(STRIPE_PROVIDER, { email: keys.email, phone: keys.phone });
  if (lookup.status === "decided_new") return { kind: "decided_new", reviewId: lookup.reviewId };
  if (lookup.status !== "linked") return { kind: "none" };
  const response = await client.request({
    method: "GET",
    path: stripePath("/v1/customers/{id}", lookup.externalId),
    accept: [404],
  });
  if (response.status === 404 || (isJsonObject(response.body) && response.body.deleted === true)) {
    return { kind: "none" };
  }
  return { kind: "linked", found: fetched(response.body, "the linked customer") };
}

/**
 * `GET /v1/customers?email=` is exact and strongly consistent (a customer created a second ago is
 * found), unlike search. It is also case-sensitive, which is why customers are always written
 * with the lower-cased email; one typed "Jane@Example.com" in the dashboard is not found here.
 */
export async function findCustomersByEmail(client: HttpClient, email: string): Promise<FetchedCustomer[]> {
  const response = await client.request({ method: "GET", path: "/v1/customers", query: { email, limit: 10 } });
  return listed(readStripe(ZList, response.body, "the customers list").data);
}

const quoted = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/**
 * Phones only match through search, which is eventually consistent (normally under a minute):
 * a customer created moments ago by another run may be missed, and created twice. The email
 * path has no such gap, so flows should pass an email whenever they have one.
 */
export async function findCustomersByPhone(client: HttpClient, phone: string): Promise<FetchedCustomer[]> {
  const response = await client.request({
    method: "GET",
    path: "/v1/customers/search",
    query: { query: `phone:${quoted(phone)}`, limit: 10 },
  });
  return listed(readStripe(ZSearchResult, response.body, "the customer search").data);
}

function describeCandidate({ customer }: FetchedCustomer): string {
  const label = [customer.name, customer.email ? `<${customer.email}>` : undefined].filter(Boolean).join(" ");
  return label || `customer ${customer.id}`;
}

/**
 * Two Stripe customers match: never guess (and never pick by name). Both go to the identity
 * map's review queue, and the step fails for good so no invoice goes to the wrong person.
 */
export async function sendToReview(
  identity: IdentityContext | undefined,
  keys: CustomerKeys,
  matchedBy: "email" | "phone",
  candidates: FetchedCustomer[],
): Promise<never> {
  const review = await identity?.review({
    provider: STRIPE_PROVIDER,
    email: keys.email,
    phone: keys.phone,
    name: keys.name,
    candidates: candidates.map((candidate) => ({
      externalId: candidate.customer.id,
      matchedBy,
      label: describeCandidate(candidate),
    })),
  });
  const ids = candidates.map(({ customer }) => customer.id).join(", ");
  throw new ConnectorError({
    code: "conflict",
    kind: "final",
    message: `${candidates.length} Stripe customers (${ids}) have the ${matchedBy} ${
      matchedBy === "email" ? keys.email : keys.phone
    }; ${review ? `sent to the review queue (${review.reviewId})` : "a person must choose"} instead of guessing`,
  });
}

export interface NewCustomer {
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

/** Creates the customer; a retried step replays Stripe's first answer instead of a second customer. */
export async function createCustomer(
  client: HttpClient,
  customer: NewCustomer,
  idempotencyKey: string,
): Promise<FetchedCustomer> {
  const response = await client.request({
    method: "POST",
    path: "/v1/customers",
    form: { ...customer },
    idempotencyKey,
  });
  return fetched(response.body, "the customer create");
}

/**
 * Invoicing does not own people: a match only gets the values it lacks (an email on a customer
 * found by phone, so invoices can be e-mailed), never an overwrite of what is in Stripe.
 */
export async function fillBlanks(
  client: HttpClient,
  found: FetchedCustomer,
  desired: NewCustomer,
  idempotencyKey: string,
): Promise<FetchedCustomer> {
  const blanks = Object.fromEntries(
    (["email", "phone", "name"] as const)
      .filter((field) => desired[field] && !found.customer[field])
      .map((field) => [field, desired[field]]),
  );
  if (Object.keys(blanks).length === 0) return found;
  const response = await client.request({
    method: "POST",
    path: stripePath("/v1/customers/{id}", found.customer.id),
    form: blanks,
    idempotencyKey,
  });
  return fetched(response.body, "the customer update");
}
