import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { flowStatusEnum } from "./enums";
import { users, workspaces } from "./workspaces";

export const flows = pgTable(
  "flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: flowStatusEnum("status").notNull().default("paused"),
    /** Stable across republish: providers keep calling the same URL. */
    hookId: text("hook_id").notNull(),
    /** Optional HMAC secret for the core webhook trigger, sealed by the secret box. */
    hookSecretSealed: text("hook_secret_sealed"),
    /** The editable draft; autosaved, never run live. */
    draftGraph: jsonb("draft_graph").notNull(),
    /** Incremented on every draft save so a stale save is refused, not applied. */
    draftRevision: integer("draft_revision").notNull().default(1),
    currentVersionId: uuid("current_version_id"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("flows_hook_id_key").on(t.hookId),
    index("flows_workspace_idx").on(t.workspaceId, t.updatedAt.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
  ],
);

/** An immutable, numbered snapshot of a flow's graph; runs pin the version they ran. */
export const flowVersions = pgTable(
  "flow_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    graph: jsonb("graph").notNull(),
    message: text("message").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("flow_versions_flow_number_key").on(t.flowId, t.number)],
);
