/**
 * The identity map as an action sees it: one customer ↔ their ids in each connected tool.
 * Connectors never touch the database; the engine hands them this.
 */
export interface IdentityKeys {
  email?: string | undefined;
  phone?: string | undefined;
}

export interface NormalizedIdentityKeys {
  /** Lower-cased and trimmed. */
  email?: string;
  /** E.164, read with the workspace's default country. */
  phone?: string;
}

export type IdentityLookup =
  /** The customer is known and linked to this provider. */
  | { status: "linked"; customerId: string; externalId: string }
  /** Known (by email/phone) but not yet linked to this provider. */
  | { status: "known"; customerId: string }
  /**
   * Not linked to this provider, and a person settled an identity conflict for these very keys with
   * "none of these — create new": the action creates the record without matching (matching would
   * find the same records and stop again), then links it, so later runs find it by that link.
   */
  | { status: "decided_new"; reviewId: string }
  | { status: "unknown" };

export interface IdentityLinkInput extends IdentityKeys {
  provider: string;
  externalId: string;
  name?: string | undefined;
}

export interface IdentityReviewInput extends IdentityKeys {
  provider: string;
  /** The provider records that all match; the action does not guess between them. */
  candidates: readonly { externalId: string; matchedBy: "email" | "phone"; label?: string }[];
  name?: string | undefined;
}

export interface IdentityContext {
  normalize(keys: IdentityKeys): NormalizedIdentityKeys;
  /** Stable id first (via email/phone → customer → link), never by name. */
  lookup(provider: string, keys: IdentityKeys): Promise<IdentityLookup>;
  /** Records (or confirms) that this provider record is this customer. */
  link(input: IdentityLinkInput): Promise<{ customerId: string }>;
  /** Puts an ambiguous match in the review queue; returns the review item id. */
  review(input: IdentityReviewInput): Promise<{ reviewId: string }>;
}
