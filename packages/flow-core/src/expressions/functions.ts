import { DateTime } from "luxon";
import { durationUnit, parseInstant } from "../dates";
import { isValidTimeZone } from "../schema/time-zone";

/** Raised by helper functions; the evaluator turns it into an ExpressionError. */
export class HelperError extends Error {
  override name = "HelperError";
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function zoneOrThrow(zone: unknown, fallback: string): string {
  if (zone === undefined || zone === null || zone === "") return fallback;
  if (typeof zone !== "string" || !isValidTimeZone(zone)) throw new HelperError(`Unknown time zone "${String(zone)}"`);
  return zone;
}

function instantOrThrow(value: unknown, zone: string, fn: string): DateTime {
  const instant = parseInstant(value, zone);
  if (!instant) throw new HelperError(`${fn}: "${String(value)}" is not a date (use ISO 8601 or an epoch number)`);
  return instant;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

/** `$round` in jsonata rounds half to even (2.5 → 2); invoices expect half away from zero. */
function roundHalfUp(value: unknown, precision: unknown = 0): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = Number(value);
  const digits = Number(precision);
  if (!Number.isFinite(number) || !Number.isInteger(digits)) throw new HelperError("$roundHalfUp: expects numbers");
  const factor = 10 ** digits;
  const shifted = Math.abs(number) * factor;
  // The epsilon absorbs binary error: 1.005 * 100 is 100.49999999999999.
  return (Math.sign(number) * Math.round(shifted + 1e-9 * Math.max(1, shifted))) / factor;
}

/**
 * The helpers added to jsonata's built-ins. `defaultZone` is the flow's time zone; every date
 * helper takes an explicit zone as its last argument to override it.
 */
export function helperFunctions(defaultZone: string): Record<string, (...args: unknown[]) => unknown> {
  return {
    default: (value, fallback) => (isMissing(value) ? fallback : value),
    upper: (value) => text(value)?.toUpperCase(),
    lower: (value) => text(value)?.toLowerCase(),
    roundHalfUp,
    formatDate: (value, pattern, zone) => {
      if (isMissing(value)) return undefined;
      const tz = zoneOrThrow(zone, defaultZone);
      const instant = instantOrThrow(value, tz, "$formatDate").setZone(tz);
      return typeof pattern === "string" && pattern !== "" ? instant.toFormat(pattern) : instant.toISO();
    },
    addDuration: (value, amount, unit, zone) => {
      if (isMissing(value)) return undefined;
      const tz = zoneOrThrow(zone, defaultZone);
      const key = typeof unit === "string" ? durationUnit(unit) : undefined;
      if (!key || typeof amount !== "number") throw new HelperError("$addDuration: expects (date, amount, unit)");
      // Adding in the target zone keeps wall-clock time across DST: +1 day stays 09:00.
      return instantOrThrow(value, tz, "$addDuration")
        .setZone(tz)
        .plus({ [key]: amount })
        .toISO();
    },
    parseDate: (value, pattern, zone) => {
      if (isMissing(value)) return undefined;
      const tz = zoneOrThrow(zone, defaultZone);
      if (typeof pattern !== "string") throw new HelperError("$parseDate: expects (text, pattern)");
      const parsed = DateTime.fromFormat(String(value), pattern, { zone: tz });
      if (!parsed.isValid) throw new HelperError(`$parseDate: "${String(value)}" does not match "${pattern}"`);
      return parsed.toUTC().toISO();
    },
  };
}

export const HELPER_NAMES = Object.keys(helperFunctions("UTC"));
