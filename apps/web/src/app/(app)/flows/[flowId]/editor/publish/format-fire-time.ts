/**
 * A fire time as the office manager reads it: in the schedule's own time zone (not the browser's),
 * with the zone's abbreviation so a daylight-saving switch is visible ("CET" → "CEST").
 */
export function formatFireTime(date: Date, timeZone: string, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }).format(date);
  } catch {
    // A zone this browser's Intl does not know (older ICU data): UTC, said so, is still right.
    return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  }
}

/** Cron and time zone as the server accepts them (`flows.nextFireTimes`), or null while incomplete. */
export function scheduleQueryInput(props: Record<string, unknown>): { cron: string; timeZone: string } | null {
  const cron = typeof props.cron === "string" ? props.cron.trim() : "";
  const timeZone = typeof props.timeZone === "string" ? props.timeZone.trim() : "";
  if (cron === "" || timeZone === "" || cron.length > 200 || timeZone.length > 64) return null;
  return { cron, timeZone };
}
