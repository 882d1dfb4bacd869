import { z } from "zod";

/**
 * The states templates react to, whatever the provider calls them: a Cal.com `BOOKING_CREATED`
 * and a Calendly `invitee.created` are both `booked`.
 */
export const LIFECYCLES = [
  "booked",
  "rescheduled",
  "canceled",
  "contact_created",
  "deal_stage_changed",
  "deal_won",
  "deal_lost",
  "invoiced",
  "paid",
  "partially_paid",
  "payment_failed",
  "overdue",
  "voided",
  "refunded",
] as const;

export const ZLifecycle = z.enum(LIFECYCLES);
export type Lifecycle = z.infer<typeof ZLifecycle>;
