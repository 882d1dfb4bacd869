import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users, workspaces } from "./workspaces";

/** What can need a person: a run that ran out of retries, an identity conflict, a rejected delivery. */
export const attentionKindEnum = pgEnum("attention_kind", ["run", "identity_review", "rejected_delivery"]);

/**
 * Who is on a needs-attention item, and why it was dismissed. The items themselves are the runs,
 * reviews and deliveries (found by their own indexes); this row only exists once someone acts.
 */
export const attentionNotes = pgTable(
  "attention_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: attentionKindEnum("kind").notNull(),
    /** The run id, identity review id or trigger event id. */
    refId: uuid("ref_id").notNull(),
    assignedTo: uuid("assigned_to").references(() => users.id, { onDelete: "set null" }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    dismissedBy: uuid("dismissed_by").references(() => users.id, { onDelete: "set null" }),
    dismissReason: text("dismiss_reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("attention_notes_item_key").on(t.kind, t.refId),
    index("attention_notes_workspace_idx").on(t.workspaceId),
  ],
);
