import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";

/** How long run history is kept, in days: at least one, at most ten years. */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** ISO 3166 country used to read phone numbers written without a country code. */
    defaultCountry: text("default_country").notNull().default("US"),
    /** IANA zone used to show times when a flow does not say otherwise. */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Runs that succeeded or were canceled are pruned after this many days. */
    successRetentionDays: integer("success_retention_days").notNull().default(30),
    /** Runs that failed or need attention are kept longer: they are what people come back to. */
    failureRetentionDays: integer("failure_retention_days").notNull().default(180),
    /** Who reviews failed syncs, duplicates and canceled-but-invoiced bookings every week. */
    mappingOwnerUserId: uuid("mapping_owner_user_id").references((): AnyPgColumn => users.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "workspaces_success_retention_days_range",
      sql`${t.successRetentionDays} between ${sql.raw(String(RETENTION_DAYS_MIN))} and ${sql.raw(String(RETENTION_DAYS_MAX))}`,
    ),
    check(
      "workspaces_failure_retention_days_range",
      sql`${t.failureRetentionDays} between ${sql.raw(String(RETENTION_DAYS_MIN))} and ${sql.raw(String(RETENTION_DAYS_MAX))}`,
    ),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; unique across the installation. */
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    /** Bumped to end every open session of the user at once (sign-out everywhere, removal). */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);
