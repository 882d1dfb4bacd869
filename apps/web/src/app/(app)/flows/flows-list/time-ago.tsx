import { formatAbsoluteTime, formatRelativeTime } from "./relative-time";

/** "3 hours ago", with the exact date and time on hover and for assistive technology. */
export function TimeAgo({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatAbsoluteTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
