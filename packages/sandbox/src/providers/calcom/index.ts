import type { SandboxProviderFactory } from "../../types";
import { runCalcomAdminAction } from "./admin";
import { toBookingOutput } from "./booking-output";
import { CALCOM_SANDBOX_API_KEY, CALCOM_SANDBOX_EVENT_TYPES } from "./fixtures";
import { deliverBookingEvent } from "./outgoing-webhooks";
import { RateLimiter, type RateLimitResetFormat } from "./rate-limit";
import { handleCalcomRequest } from "./router";
import { toWebhookOutput } from "./routes/webhooks";
import { CalcomStore } from "./store";

export * from "./fixtures";
export { calcomSignature } from "./outgoing-webhooks";
export type { RateLimitResetFormat } from "./rate-limit";

export interface CalcomSandboxOptions {
  /** The API key the sandbox accepts; defaults to `CALCOM_SANDBOX_API_KEY`. */
  apiKey?: string;
  /** Requests per key per window before 429 (real Cal.com: 120 for an API key). */
  rateLimit?: number;
  rateLimitWindowMs?: number;
  /** What `X-RateLimit-Reset-Default` holds; see rate-limit.ts for why this is a choice. */
  rateLimitReset?: RateLimitResetFormat;
}

/** The Cal.com emulator (API v2 bookings and webhooks), mounted at `/calcom`. */
export function createCalcomSandbox(options: CalcomSandboxOptions = {}): SandboxProviderFactory {
  const apiKey = options.apiKey ?? CALCOM_SANDBOX_API_KEY;
  return (context) => {
    const store: CalcomStore = new CalcomStore(context.clock, (event) => deliverBookingEvent(context, store, event));
    const limiter = new RateLimiter({
      clock: context.clock,
      // Generous so connector suites never trip it by accident; tests of the 429 set it low.
      limit: options.rateLimit ?? 1_000,
      windowMs: options.rateLimitWindowMs ?? 60_000,
      resetFormat: options.rateLimitReset ?? "epoch-seconds",
    });
    return {
      key: "calcom",
      handle: (request) => handleCalcomRequest({ request, store, clock: context.clock }, limiter, apiKey),
      reset() {
        store.reset();
        limiter.reset();
      },
      state: () => ({
        bookings: store.bookings.map((booking) => toBookingOutput(store, booking)),
        webhooks: store.webhooks.map((webhook) => toWebhookOutput({ ...webhook, secret: null })),
        eventTypes: CALCOM_SANDBOX_EVENT_TYPES,
      }),
      admin: (action, body) => runCalcomAdminAction(store, action, body),
    };
  };
}
