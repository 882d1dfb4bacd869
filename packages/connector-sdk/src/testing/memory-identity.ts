import { randomUUID } from "node:crypto";
import type { IdentityContext, IdentityReviewInput } from "../identity";
import { normalizeIdentityKeys } from "../identity-keys";

interface MemoryCustomer {
  id: string;
  email?: string;
  phone?: string;
  links: Map<string, string>;
}

/**
 * The identity map's contract in memory, for connector tests: the real one (in services) keeps
 * the same rules in PostgreSQL — stable id, then email, then phone, never name.
 */
export function createMemoryIdentity(defaultCountry = "FR"): IdentityContext & {
  customers: MemoryCustomer[];
  reviews: IdentityReviewInput[];
} {
  const customers: MemoryCustomer[] = [];
  const reviews: IdentityReviewInput[] = [];
  const normalize = (keys: { email?: string | undefined; phone?: string | undefined }) =>
    normalizeIdentityKeys(keys, defaultCountry);
  const find = (keys: { email?: string | undefined; phone?: string | undefined }) => {
    const { email, phone } = normalize(keys);
    return (
      (email ? customers.find((customer) => customer.email === email) : undefined) ??
      (phone ? customers.find((customer) => customer.phone === phone) : undefined)
    );
  };
  return {
    customers,
    reviews,
    normalize,
    async lookup(provider, keys) {
      const customer = find(keys);
      if (!customer) return { status: "unknown" };
      const externalId = customer.links.get(provider);
      return externalId
        ? { status: "linked", customerId: customer.id, externalId }
        : { status: "known", customerId: customer.id };
    },
    async link(input) {
      const byLink = customers.find((customer) => customer.links.get(input.provider) === input.externalId);
      const customer = byLink ?? find(input) ?? { id: randomUUID(), links: new Map<string, string>() };
      if (!customers.includes(customer)) customers.push(customer);
      const { email, phone } = normalize(input);
      customer.email ??= email;
      customer.phone ??= phone;
      customer.links.set(input.provider, input.externalId);
      return { customerId: customer.id };
    },
    async review(input) {
      reviews.push(input);
      return { reviewId: `review-${reviews.length}` };
    },
  };
}
