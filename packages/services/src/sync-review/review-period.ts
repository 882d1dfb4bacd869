import { nextFireTimes } from "@handoff/connector-sdk";

/** [start, end): what the review covers. */
export interface ReviewPeriod {
  start: Date;
  end: Date;
}

export type ReviewWeek = "this" | "last";

const DAY_MS = 86_400_000;
const MONDAY_MIDNIGHT = "0 0 * * 1";

/** The `days` days ending now: what the scheduled review e-mail covers. */
export function lastDaysPeriod(days: number, now = new Date()): ReviewPeriod {
  return { start: new Date(now.getTime() - days * DAY_MS), end: now };
}

/**
 * The last Monday 00:00 in `timeZone` at or before `instant`. Eight days back always holds one
 * or two Mondays, whatever daylight saving did to the week, so the later of those is the one.
 */
function mondayAtOrBefore(instant: Date, timeZone: string): Date {
  const candidates = nextFireTimes(MONDAY_MIDNIGHT, timeZone, new Date(instant.getTime() - 8 * DAY_MS), 2);
  const monday = candidates.filter((time) => time.getTime() <= instant.getTime()).at(-1);
  if (!monday) throw new Error(`no Monday found before ${instant.toISOString()} in ${timeZone}`);
  return monday;
}

/** This week (Monday 00:00 in the workspace's zone until now) or the whole of last week. */
export function weekPeriod(week: ReviewWeek, timeZone: string, now = new Date()): ReviewPeriod {
  const thisMonday = mondayAtOrBefore(now, timeZone);
  if (week === "this") return { start: thisMonday, end: now };
  return { start: mondayAtOrBefore(new Date(thisMonday.getTime() - 1), timeZone), end: thisMonday };
}
