import { pgEnum } from "drizzle-orm/pg-core";

/** Owner, Office manager, Scheduler, Bookkeeper — see docs/product.md. */
export const roleEnum = pgEnum("role", ["owner", "editor", "operator", "viewer"]);

/** Every connection is either a test (sandbox) or a live connection. */
export const environmentEnum = pgEnum("environment", ["test", "live"]);

export const flowStatusEnum = pgEnum("flow_status", ["active", "paused"]);

/** `ignored_unmatched`: a delivery the flow's trigger does not start a run for (another event type). */
export const triggerEventStatusEnum = pgEnum("trigger_event_status", [
  "accepted",
  "ignored_paused",
  "rejected",
  "ignored_unmatched",
]);

export const identityReviewStatusEnum = pgEnum("identity_review_status", ["open", "resolved", "dismissed"]);

export const runStatusEnum = pgEnum("run_status", [
  "queued",
  "running",
  "waiting",
  "succeeded",
  "failed",
  "needs_attention",
  "canceled",
]);

export const stepStatusEnum = pgEnum("step_status", ["running", "succeeded", "failed", "skipped"]);
