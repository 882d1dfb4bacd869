import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { environmentEnum } from "./enums";
import { users, workspaces } from "./workspaces";

export const connections = pgTable(
  "connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The connector key, e.g. `hubspot`. */
    provider: text("provider").notNull(),
    name: text("name").notNull(),
    environment: environmentEnum("environment").notNull(),
    /** AES-256-GCM envelope (see @handoff/auth secret-box); never plaintext. */
    credentialsEncrypted: text("credentials_encrypted").notNull(),
    /** What the browser may see of the secret, e.g. "••••1234". */
    credentialsHint: text("credentials_hint").notNull().default(""),
    /** The provider's API base when it is not the cloud default: a sandbox or a self-hosted install. */
    baseUrl: text("base_url"),
    /** `ok`, or `reconnect_needed` after a refresh failed. */
    status: text("status").notNull().default("ok"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connections_workspace_provider_idx").on(t.workspaceId, t.provider, t.environment)],
);
