import type { BearerAuth } from "@handoff/connector-sdk";

/** A Stripe secret key (`sk_test_…`/`sk_live_…`) or a restricted key (`rk_…`), sent as a bearer token. */
export const stripeAuth = {
  kind: "bearer",
  description:
    "A Stripe secret key from Developers → API keys (sk_test_… for a test connection, sk_live_… for live), or a restricted key (rk_…) with write access to Customers, Invoices, Payment records and Webhook endpoints.",
} as const satisfies BearerAuth;
