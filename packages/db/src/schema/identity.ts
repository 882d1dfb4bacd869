import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { identityReviewStatusEnum } from "./enums";
import { flowRuns } from "./runs";
import { users, workspaces } from "./workspaces";

/** One person the business deals with, whatever each tool calls them. */
export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Lower-cased, trimmed. */
    email: text("email"),
    /** E.164. */
    phone: text("phone"),
    name: text("name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_workspace_email_uq").on(t.workspaceId, t.email).where(sql`${t.email} is not null`),
    index("customers_workspace_phone_idx").on(t.workspaceId, t.phone).where(sql`${t.phone} is not null`),
  ],
);

/** "This customer is contact 123 in HubSpot": one row per tool record. */
export const customerLinks = pgTable(
  "customer_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The connector key, e.g. `hubspot`. */
    provider: text("provider").notNull(),
    externalId: text("external_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customer_links_provider_record_uq").on(t.workspaceId, t.provider, t.externalId),
    index("customer_links_customer_idx").on(t.customerId, t.provider),
  ],
);

export const IDENTITY_REVIEW_DECISION_KINDS = ["same_as", "create_new"] as const;
export type IdentityReviewDecisionKind = (typeof IDENTITY_REVIEW_DECISION_KINDS)[number];

/** An ambiguous match a person must settle: the action did not guess. */
export const identityReviews = pgTable(
  "identity_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    /** What the action was looking for: `{email, phone, name}` (normalised). */
    keys: jsonb("keys").notNull(),
    /** `[{externalId, matchedBy, label}]`. */
    candidates: jsonb("candidates").notNull(),
    runId: uuid("run_id").references(() => flowRuns.id, { onDelete: "set null" }),
    status: identityReviewStatusEnum("status").notNull().default("open"),
    resolution: text("resolution"),
    /**
     * What the person decided, null while open or when dismissed: `same_as` (one of the candidates
     * is the customer) or `create_new` (none is: the action creates a new record for these keys).
     */
    decision: text("decision").$type<IdentityReviewDecisionKind>(),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("identity_reviews_open_idx").on(t.workspaceId, t.status, t.createdAt),
    // Deleting a run (retention) sets its reviews' run_id to null: found through this index.
    index("identity_reviews_run_idx").on(t.runId).where(sql`${t.runId} is not null`),
    // Every find-or-create step without a link asks what a person last decided for its keys.
    index("identity_reviews_decided_idx")
      .on(t.workspaceId, t.provider, t.resolvedAt)
      .where(sql`${t.decision} is not null`),
    check("identity_reviews_decision_known", sql`${t.decision} in ('same_as', 'create_new')`),
  ],
);
