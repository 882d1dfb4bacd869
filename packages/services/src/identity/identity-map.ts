import {
  type IdentityContext,
  type IdentityKeys,
  type IdentityLinkInput,
  type NormalizedIdentityKeys,
  normalizeIdentityKeys,
} from "@handoff/connector-sdk";
import { and, type Database, eq, schema, sql } from "@handoff/db";
import { decidedNewFor } from "./decided-new";

export interface IdentityMapOptions {
  db: Database;
  workspaceId: string;
  /** ISO country for phone numbers written without a country code. */
  defaultCountry: string;
  /** The run asking, so a review item links back to it. */
  runId?: string;
}

type Customer = typeof schema.customers.$inferSelect;

/**
 * The identity map in PostgreSQL: a customer is found by a provider link first, then by e-mail,
 * then by phone — never by name. Links are recorded as actions find or create records, so the
 * same person booked twice (however they typed their e-mail or phone) is one contact everywhere.
 */
export function createIdentityMap(options: IdentityMapOptions): IdentityContext {
  const { db, workspaceId, defaultCountry } = options;
  const normalize = (keys: IdentityKeys): NormalizedIdentityKeys => normalizeIdentityKeys(keys, defaultCountry);

  async function findCustomer(keys: NormalizedIdentityKeys): Promise<Customer | undefined> {
    if (keys.email) {
      const [byEmail] = await db
        .select()
        .from(schema.customers)
        .where(and(eq(schema.customers.workspaceId, workspaceId), eq(schema.customers.email, keys.email)));
      if (byEmail) return byEmail;
    }
    if (keys.phone) {
      const [byPhone] = await db
        .select()
        .from(schema.customers)
        .where(and(eq(schema.customers.workspaceId, workspaceId), eq(schema.customers.phone, keys.phone)))
        .orderBy(schema.customers.createdAt)
        .limit(1);
      if (byPhone) return byPhone;
    }
    return undefined;
  }

  async function linkedCustomer(provider: string, externalId: string): Promise<string | undefined> {
    const [link] = await db
      .select({ customerId: schema.customerLinks.customerId })
      .from(schema.customerLinks)
      .where(
        and(
          eq(schema.customerLinks.workspaceId, workspaceId),
          eq(schema.customerLinks.provider, provider),
          eq(schema.customerLinks.externalId, externalId),
        ),
      );
    return link?.customerId;
  }

  /** Creates the customer, or finds the one a concurrent run created a moment earlier. */
  async function findOrCreateCustomer(keys: NormalizedIdentityKeys, name: string | undefined): Promise<string> {
    const existing = await findCustomer(keys);
    if (existing) {
      await fillMissingKeys(existing, keys, name);
      return existing.id;
    }
    const [created] = await db
      .insert(schema.customers)
      .values({ workspaceId, email: keys.email ?? null, phone: keys.phone ?? null, name: name ?? null })
      .onConflictDoNothing()
      .returning({ id: schema.customers.id });
    if (created) return created.id;
    const raced = await findCustomer(keys);
    if (!raced) throw new Error("the customer vanished while it was being created");
    return raced.id;
  }

  async function fillMissingKeys(customer: Customer, keys: NormalizedIdentityKeys, name: string | undefined) {
    const patch = {
      ...(customer.email === null && keys.email ? { email: keys.email } : {}),
      ...(customer.phone === null && keys.phone ? { phone: keys.phone } : {}),
      ...(customer.name === null && name ? { name } : {}),
    };
    if (Object.keys(patch).length === 0) return;
    // Another customer may already own that e-mail: then this one keeps what it had.
    await db
      .update(schema.customers)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(schema.customers.id, customer.id))
      .catch(() => undefined);
  }

  return {
    normalize,
    async lookup(provider, keys) {
      const normalized = normalize(keys);
      const customer = await findCustomer(normalized);
      if (customer) {
        const [link] = await db
          .select({ externalId: schema.customerLinks.externalId })
          .from(schema.customerLinks)
          .where(and(eq(schema.customerLinks.customerId, customer.id), eq(schema.customerLinks.provider, provider)))
          .orderBy(schema.customerLinks.createdAt)
          .limit(1);
        if (link) return { status: "linked", customerId: customer.id, externalId: link.externalId };
      }
      const decidedNew = await decidedNewFor({ db, workspaceId, provider, keys: normalized });
      if (decidedNew) return { status: "decided_new", reviewId: decidedNew.reviewId };
      return customer ? { status: "known", customerId: customer.id } : { status: "unknown" };
    },
    async link(input: IdentityLinkInput) {
      const keys = normalize(input);
      const customerId =
        (await linkedCustomer(input.provider, input.externalId)) ?? (await findOrCreateCustomer(keys, input.name));
      await db
        .insert(schema.customerLinks)
        .values({ workspaceId, customerId, provider: input.provider, externalId: input.externalId })
        .onConflictDoNothing();
      return { customerId };
    },
    async review(input) {
      const keys = normalize(input);
      const [row] = await db
        .insert(schema.identityReviews)
        .values({
          workspaceId,
          provider: input.provider,
          keys: { ...keys, ...(input.name ? { name: input.name } : {}) },
          candidates: input.candidates,
          runId: options.runId ?? null,
        })
        .returning({ id: schema.identityReviews.id });
      if (!row) throw new Error("the review item was not recorded");
      return { reviewId: row.id };
    },
  };
}
