import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One row per live worker process; `last_seen_at` is its heartbeat. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  hostname: text("hostname").notNull(),
  pid: integer("pid").notNull(),
  version: text("version").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  /** graphile-worker's own ids for this process's workers: what to unlock if this process dies. */
  queueWorkerIds: text("queue_worker_ids").array().notNull().default(sql`'{}'::text[]`),
});
