import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * Failed sign-in counters, per account and per client address. The layout is the one
 * rate-limiter-flexible's Postgres store reads and writes (it is created here, by migration,
 * rather than by the library at first use, so that the first sign-ins never race its creation).
 */
export const loginAttempts = pgTable("login_attempts", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  /** Epoch milliseconds when the counter resets. */
  expire: bigint("expire", { mode: "number" }),
});
