import {
  type ActionContext,
  ConnectorError,
  defineAction,
  type HttpClient,
  type JsonObject,
  type NormalizedIdentityKeys,
  normalizeIdentityKeys,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient } from "./client";
import {
  askIdentityMap,
  type CustomerKeys,
  createCustomer,
  type FetchedCustomer,
  fillBlanks,
  findCustomersByEmail,
  findCustomersByPhone,
  type MatchedBy,
  type NewCustomer,
  STRIPE_PROVIDER,
  sendToReview,
} from "./customer-matching";
import { optionalText, ZMetadata } from "./props";

export const ZFindOrCreateCustomerProps = z
  .object({
    email: z.preprocess(
      (value) => (typeof value === "string" ? value.trim() || undefined : value),
      z.email("email is not a valid e-mail address").optional(),
    ),
    phone: optionalText.describe("Any format; read with the workspace's country and stored in E.164"),
    name: optionalText.describe("Written on a new customer (or one without a name); never matched on"),
    metadata: ZMetadata.describe("Written on a new customer only, e.g. the CRM contact id"),
  })
  .refine((props) => props.email !== undefined || props.phone !== undefined, {
    message: "give an email or a phone to find the customer by",
    path: ["email"],
  });

export type FindOrCreateCustomerProps = z.output<typeof ZFindOrCreateCustomerProps>;

export type FindOrCreateCustomerOutput = {
  customerId: string;
  created: boolean;
  matchedBy: MatchedBy;
  /** Stripe's customer object. */
  customer: JsonObject;
};

function normalize(ctx: ActionContext<FindOrCreateCustomerProps>): NormalizedIdentityKeys {
  const keys = { email: ctx.props.email, phone: ctx.props.phone };
  return ctx.identity ? ctx.identity.normalize(keys) : normalizeIdentityKeys(keys);
}

/** Only one match is a match; two are a question for a person. */
function single(
  found: FetchedCustomer[],
  identity: ActionContext<unknown>["identity"],
  keys: CustomerKeys,
  matchedBy: "email" | "phone",
): Promise<FetchedCustomer | undefined> | FetchedCustomer | undefined {
  if (found.length > 1) return sendToReview(identity, keys, matchedBy, found);
  return found[0];
}

/**
 * Stable id (the identity map's link), then email, then phone; never the name. When a person
 * settled a conflict for these keys with "create new", matching would find the same customers and
 * stop again: the customer is created straight away, and linked, so the next run finds it by link.
 */
async function match(
  ctx: ActionContext<FindOrCreateCustomerProps>,
  keys: CustomerKeys,
  desired: NewCustomer,
): Promise<{ found: FetchedCustomer; matchedBy: MatchedBy }> {
  const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const fill = (found: FetchedCustomer) => fillBlanks(client, found, desired, `${ctx.idempotencyKey}:fill-customer`);
  const known = await askIdentityMap(client, ctx.identity, keys);
  if (known.kind === "linked") return { found: await fill(known.found), matchedBy: "link" };
  if (known.kind === "decided_new") {
    ctx.log("Creating the customer a person decided is new", { reviewId: known.reviewId });
  } else {
    const byKeys = await matchByKeys(ctx, client, keys);
    if (byKeys) return { found: await fill(byKeys.found), matchedBy: byKeys.matchedBy };
  }
  const created = await createCustomer(client, desired, `${ctx.idempotencyKey}:create-customer`);
  return { found: created, matchedBy: "created" };
}

/** The one Stripe customer with this email, else with this phone; two of either go to review. */
async function matchByKeys(
  ctx: ActionContext<FindOrCreateCustomerProps>,
  client: HttpClient,
  keys: CustomerKeys,
): Promise<{ found: FetchedCustomer; matchedBy: "email" | "phone" } | undefined> {
  if (keys.email) {
    const byEmail = await single(await findCustomersByEmail(client, keys.email), ctx.identity, keys, "email");
    if (byEmail) return { found: byEmail, matchedBy: "email" };
  }
  if (keys.phone) {
    const byPhone = await single(await findCustomersByPhone(client, keys.phone), ctx.identity, keys, "phone");
    if (byPhone) return { found: byPhone, matchedBy: "phone" };
  }
  return undefined;
}

export const findOrCreateCustomerAction = defineAction({
  key: "find-or-create-customer",
  name: "Find or create customer",
  description:
    "Finds the customer in Stripe by the identity map, then email, then phone (never by name), or creates it. " +
    "Two Stripe customers with the same email or phone go to the review queue instead of being guessed.",
  props: ZFindOrCreateCustomerProps,
  // It may create a customer; running it again finds that customer instead of making a second one.
  sideEffect: true,
  sampleOutput: {
    customerId: "cus_RbWq8HandoffJR",
    created: true,
    matchedBy: "created",
    customer: {
      id: "cus_RbWq8HandoffJR",
      object: "customer",
      email: "jane.roe@example.com",
      name: "Jane Roe",
      phone: "+33612345678",
      metadata: {},
    },
  },
  async run(ctx): Promise<FindOrCreateCustomerOutput> {
    const keys = normalize(ctx);
    if (!keys.email && !keys.phone) {
      throw new ConnectorError({
        code: "validation",
        message: `the phone "${ctx.props.phone ?? ""}" is not a valid phone number and there is no email to match on`,
      });
    }
    const identityKeys: CustomerKeys = { ...keys, name: ctx.props.name };
    // The lower-cased email is what `?email=` finds next time; a phone that does not parse is kept as typed.
    const desired: NewCustomer = {
      email: keys.email,
      phone: keys.phone ?? ctx.props.phone,
      name: ctx.props.name,
      metadata: ctx.props.metadata,
    };
    const { found, matchedBy } = await match(ctx, identityKeys, desired);
    await ctx.identity?.link({ provider: STRIPE_PROVIDER, externalId: found.customer.id, ...identityKeys });
    ctx.log("Stripe customer", { customerId: found.customer.id, matchedBy });
    return { customerId: found.customer.id, created: matchedBy === "created", matchedBy, customer: found.raw };
  },
});
