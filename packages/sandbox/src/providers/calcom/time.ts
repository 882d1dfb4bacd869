const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/**
 * An ISO 8601 date or date-time (what class-validator's `IsISO8601` accepts), as an instant.
 * A value without an offset is read as UTC, as the Cal.com servers (which run in UTC) do.
 */
export function parseIsoInstant(value: unknown): Date | undefined {
  if (typeof value !== "string" || !ISO_8601.test(value)) return undefined;
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value) && value.includes("T");
  const at = new Date(hasOffset || !value.includes("T") ? value : `${value}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The check behind class-validator's `IsTimeZone`: an IANA name the runtime knows. */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC in `timeZone` at `at` (Cal.com's `utcOffset`, e.g. 120 for Paris in summer). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** `dayjs(x).utc().format()`, the form of `startTime`/`endTime` in webhook payloads: no milliseconds. */
export function toUtcSeconds(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}
