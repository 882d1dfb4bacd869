const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const twoDigits = (value: number) => String(value).padStart(2, "0");
const wholeNumber = (field: string | undefined) => (field !== undefined && /^\d+$/.test(field) ? Number(field) : null);

/**
 * "every Monday 08:00", "every day at 07:30": the schedule of the review flow in words, for the
 * common fixed-time schedules; anything else is shown as its cron expression. The zone is added
 * when it is not the workspace's own.
 */
export function describeSchedule(schedule: { cron: string; timeZone: string }, workspaceTimeZone: string): string {
  const [minuteField, hourField, dayOfMonth, month, dayOfWeek, ...extra] = schedule.cron.trim().split(/\s+/);
  const minute = wholeNumber(minuteField);
  const hour = wholeNumber(hourField);
  const weekday = wholeNumber(dayOfWeek);
  const zone = schedule.timeZone === workspaceTimeZone ? "" : ` (${schedule.timeZone})`;
  const fixedTime = minute !== null && minute < 60 && hour !== null && hour < 24;
  if (fixedTime && extra.length === 0 && dayOfMonth === "*" && month === "*") {
    const time = `${twoDigits(hour)}:${twoDigits(minute)}`;
    if (dayOfWeek === "*") return `every day at ${time}${zone}`;
    const day = weekday === null ? undefined : DAYS[weekday];
    if (day) return `every ${day} ${time}${zone}`;
  }
  return `on the schedule “${schedule.cron}”${zone}`;
}
