const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Largest unit first; a distance is told in the largest unit it fills at least once. */
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", 7 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

// The interface is English throughout, so the phrases are too ("yesterday", "3 hours ago").
const phrase = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * "just now", "5 minutes ago", "yesterday", "in 2 hours" (a server clock ahead of the browser's).
 * Units are floored, so "2 hours ago" means at least two full hours.
 */
export function formatRelativeTime(date: Date, now: Date): string {
  const distance = date.getTime() - now.getTime();
  if (Math.abs(distance) < 45 * SECOND) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(distance) >= size) return phrase.format(Math.trunc(distance / size), unit);
  }
  // 45 to 59 seconds: closer to a minute than to "just now".
  return phrase.format(Math.sign(distance), "minute");
}

/** The full date and time in the reader's locale and zone, for a tooltip beside the relative phrase. */
export function formatAbsoluteTime(date: Date): string {
  return absolute.format(date);
}
