import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connections } from "./connections";
import { flows } from "./flows";

/**
 * A flow's trigger registered with the provider (a Cal.com webhook, a Stripe endpoint): created
 * on first publish, kept across republish, removed on pause or delete.
 */
export const triggerSubscriptions = pgTable(
  "trigger_subscriptions",
  {
    flowId: uuid("flow_id")
      .primaryKey()
      .references(() => flows.id, { onDelete: "cascade" }),
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "set null" }),
    connector: text("connector").notNull(),
    trigger: text("trigger").notNull(),
    /** What the trigger's `unsubscribe` needs (the provider's subscription id, …). */
    state: jsonb("state").notNull(),
    /** The secret the provider signs deliveries with, when it chose it (sealed). */
    signingSecretSealed: text("signing_secret_sealed"),
    /**
     * Set when the provider calls one URL per app (HubSpot): `/api/hooks/apps/<app_key>` fans each
     * delivery out to every flow with this key.
     */
    appKey: text("app_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("trigger_subscriptions_app_key_idx").on(t.appKey)],
);
