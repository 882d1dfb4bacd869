import { DateTime, type DurationLikeObject } from "luxon";

// Epoch numbers below this are read as seconds: 1e11 s is the year 5138, while 1e11 ms is 1973,
// so CRMs that send Unix seconds and APIs that send milliseconds both come out right.
const EPOCH_SECONDS_LIMIT = 1e11;
const NUMERIC = /^[+-]?\d+(\.\d+)?$/;

function fromEpoch(epoch: number, zone: string): DateTime {
  const millis = Math.abs(epoch) < EPOCH_SECONDS_LIMIT ? epoch * 1000 : epoch;
  return DateTime.fromMillis(millis, { zone });
}

/**
 * Reads an instant from an ISO string (date-only and offset-less values are read in `zone`),
 * an epoch number (seconds or milliseconds) or a Date. Undefined when it is not a date.
 */
export function parseInstant(value: unknown, zone = "UTC"): DateTime | undefined {
  let parsed: DateTime | undefined;
  if (typeof value === "number" && Number.isFinite(value)) parsed = fromEpoch(value, zone);
  else if (value instanceof Date) parsed = DateTime.fromJSDate(value, { zone });
  else if (typeof value === "string") {
    const text = value.trim();
    if (NUMERIC.test(text)) parsed = fromEpoch(Number(text), zone);
    else if (text !== "") parsed = DateTime.fromISO(text, { zone });
  }
  return parsed?.isValid ? parsed : undefined;
}

const UNITS: Record<string, keyof DurationLikeObject> = {
  second: "seconds",
  minute: "minutes",
  hour: "hours",
  day: "days",
  week: "weeks",
  month: "months",
  year: "years",
};

export function durationUnit(unit: string): keyof DurationLikeObject | undefined {
  const singular = unit.trim().toLowerCase().replace(/s$/, "");
  return UNITS[singular];
}
