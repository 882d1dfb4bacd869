const DAY_MS = 24 * 60 * 60 * 1000;

/** "This week" is the last 7 days up to now, so the numbers do not reset every Monday. */
export const WEEK_MS = 7 * DAY_MS;

/** The spike baseline: the 4 weeks before this week. */
export const BASELINE_WEEKS = 4;

export interface HealthWindow {
  now: Date;
  /** Start of the last 7 days. */
  weekStart: Date;
  /** Start of the 4 weeks before `weekStart`. */
  baselineStart: Date;
}

export function healthWindow(now: Date): HealthWindow {
  const weekStart = new Date(now.getTime() - WEEK_MS);
  return { now, weekStart, baselineStart: new Date(weekStart.getTime() - BASELINE_WEEKS * WEEK_MS) };
}
