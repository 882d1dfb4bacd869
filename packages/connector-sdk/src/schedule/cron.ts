import { Cron } from "croner";
import { validateTimeZone } from "./time-zone";

const FIELD_NAMES = "minute hour day-of-month month day-of-week";

const NICKNAMES = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/** croner counts a seconds field first, even in 5-part mode. */
const CRONER_ENTRIES = ["second", "minute", "hour", "day-of-month", "month", "day-of-week"];

export type CronValidation = { ok: true } | { ok: false; message: string };

/** Five-field cron only: flows run at most once a minute, and seconds fields confuse people. */
function compile(cron: string, timeZone?: string): Cron {
  return new Cron(cron, { mode: "5-part", ...(timeZone === undefined ? {} : { timezone: timeZone }) });
}

function cleanMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^CronPattern: /, "").replace(/configuration entry (\d)/, (entry, index: string) => {
    const name = CRONER_ENTRIES[Number(index)];
    return name === undefined ? entry : `${name} field`;
  });
}

export function validateCron(cron: string): CronValidation {
  const text = cron.trim();
  if (text === "") return { ok: false, message: `cron expression is empty; expected 5 fields (${FIELD_NAMES})` };
  if (text.startsWith("@")) {
    if (!NICKNAMES.includes(text.toLowerCase())) {
      return { ok: false, message: `unknown cron shorthand "${text}"; use one of ${NICKNAMES.join(", ")}` };
    }
    return { ok: true };
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) {
    return { ok: false, message: `cron expression has ${fields.length} fields; expected 5 (${FIELD_NAMES})` };
  }
  let job: Cron;
  try {
    job = compile(text);
  } catch (error) {
    return { ok: false, message: `invalid cron expression "${text}": ${cleanMessage(error)}` };
  }
  // Without a year field every valid pattern recurs, so "no next run" means "never" (e.g. 31 February).
  if (job.nextRun() === null) return { ok: false, message: `cron expression "${text}" never matches a date` };
  return { ok: true };
}

/**
 * The next `count` fire times strictly after `from`, computed in `timeZone`. Across DST, a
 * fixed-time schedule in the skipped hour fires at the first valid time after the gap and once in
 * a repeated hour; interval schedules (every 15 minutes, say) skip the gap (croner's documented rules).
 */
export function nextFireTimes(cron: string, timeZone: string, from: Date, count: number): Date[] {
  const cronCheck = validateCron(cron);
  if (!cronCheck.ok) throw new RangeError(cronCheck.message);
  const zoneCheck = validateTimeZone(timeZone);
  if (!zoneCheck.ok) throw new RangeError(zoneCheck.message);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  return compile(cron.trim(), timeZone).nextRuns(count, from);
}
