import type { Database } from "@handoff/db";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { normalizeEmail } from "./normalize-email";

export interface LoginThrottleOptions {
  db: Database;
  /** Failed attempts on one account (from anywhere) before it is locked for a while. */
  perAccount?: number;
  /** Failed attempts from one address (on any accounts) before it is locked for a while. */
  perAddress?: number;
  /** How long failures are counted, and how long a lock lasts. */
  windowSeconds?: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginThrottle {
  check(email: string, clientAddress: string): Promise<ThrottleVerdict>;
  recordFailure(email: string, clientAddress: string): Promise<void>;
  /** A successful sign-in clears the account's failures (not the address's). */
  recordSuccess(email: string): Promise<void>;
}

/**
 * Brute-force protection for email + password sign-in, counted in Postgres so that every web
 * process shares the counters. Failures count against the account whether or not it exists, so a
 * lock never reveals which accounts do.
 */
export function createLoginThrottle({
  db,
  perAccount = 5,
  perAddress = 30,
  windowSeconds = 15 * 60,
}: LoginThrottleOptions): LoginThrottle {
  const store = { storeClient: db.$client, storeType: "pool", tableName: "login_attempts", tableCreated: true };
  const byAccount = new RateLimiterPostgres({
    ...store,
    keyPrefix: "account",
    points: perAccount,
    duration: windowSeconds,
    blockDuration: windowSeconds,
  });
  const byAddress = new RateLimiterPostgres({
    ...store,
    keyPrefix: "address",
    points: perAddress,
    duration: windowSeconds,
    blockDuration: windowSeconds,
  });
  const accountKey = (email: string) => normalizeEmail(email);

  return {
    async check(email, clientAddress) {
      const [account, address] = await Promise.all([byAccount.get(accountKey(email)), byAddress.get(clientAddress)]);
      const locked = [
        { result: account, limit: perAccount },
        { result: address, limit: perAddress },
      ].filter(({ result, limit }) => result !== null && result.consumedPoints >= limit);
      if (locked.length === 0) return { allowed: true };
      const waitMs = Math.max(...locked.map(({ result }) => result?.msBeforeNext ?? 0));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async recordFailure(email, clientAddress) {
      await Promise.all([
        byAccount.consume(accountKey(email)).catch(rethrowUnlessLimited),
        byAddress.consume(clientAddress).catch(rethrowUnlessLimited),
      ]);
    },
    async recordSuccess(email) {
      await byAccount.delete(accountKey(email));
    },
  };
}

/** Consuming past the limit rejects with a RateLimiterRes: that is the lock working, not an error. */
function rethrowUnlessLimited(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
