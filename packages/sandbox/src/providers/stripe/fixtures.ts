/**
 * Seeded credentials and ids of the Stripe emulator, exported so connector tests and the demo
 * workspace can use them without reading the store.
 */
export const STRIPE_SANDBOX_SECRET_KEY = "sk_test_51HandoffSandbox000000000000000000000000000000000000000000";

/** The one API version the emulator renders; requests pinning another version are refused. */
export const STRIPE_SANDBOX_API_VERSION = "2025-09-30.clover";

export const STRIPE_SANDBOX_ACCOUNT_ID = "acct_1HandoffSandbox0";

export const STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE = "txr_1HandoffVat20Exclusive";
export const STRIPE_SANDBOX_TAX_RATE_VAT_20_INCLUSIVE = "txr_1HandoffVat20Inclusive";
export const STRIPE_SANDBOX_COUPON_10_PERCENT = "SANDBOX10";

/** Seed records are created at this instant so `state()` is stable across resets. */
export const STRIPE_SANDBOX_SEED_CREATED = 1_735_689_600; // 2025-01-01T00:00:00Z
