/**
 * Wall-clock times in a customer's time zone. Cal.com sends instants in UTC and the attendee's
 * zone separately; templates need both ("Tue 14:00" in a reminder, the offset for other tools).
 */

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  weekday: string;
  /** `+01:00`, `-05:00`, `+00:00`. */
  offset: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      // h23, not hour12:false: the latter prints midnight as "24" in some engines.
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA zone (Cal.com accepts any string from a booking page). */
export function isKnownTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  // "GMT+01:00", or a bare "GMT" at offset zero.
  const offset = get("timeZoneName").replace(/^GMT/, "") || "+00:00";
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    weekday: get("weekday"),
    offset,
  };
}

/** ISO 8601 with the zone's offset at that instant: `2026-11-24T14:00:00+01:00`. */
export function toLocalIso(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
}

/** `Tue 14:00`, for one-line summaries. */
export function toShortLocal(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.weekday} ${p.hour}:${p.minute}`;
}
