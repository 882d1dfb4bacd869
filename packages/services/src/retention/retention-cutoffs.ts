const DAY_MS = 86_400_000;

/** Which finished runs each retention covers; queued, running and waiting runs are never pruned. */
export const SUCCESS_STATUSES = ["succeeded", "canceled"] as const;
export const FAILURE_STATUSES = ["failed", "needs_attention"] as const;

export interface RetentionCutoffs {
  /** Succeeded and canceled runs created before this go. */
  success: Date;
  /** Failed runs, runs needing attention, and deliveries no run refers to, received before this go. */
  failure: Date;
}

export function retentionCutoffs(
  settings: { successRetentionDays: number; failureRetentionDays: number },
  now: Date,
): RetentionCutoffs {
  return {
    success: new Date(now.getTime() - settings.successRetentionDays * DAY_MS),
    failure: new Date(now.getTime() - settings.failureRetentionDays * DAY_MS),
  };
}
