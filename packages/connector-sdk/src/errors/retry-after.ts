const DELAY_SECONDS = /^\d+$/;

/**
 * `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). A date in the past
 * means "now" (0); anything unreadable is ignored rather than guessed at.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  // Only accept real dates: Date.parse alone would read "1.5" or "soon 2" as some year.
  if (!/[a-z]/i.test(text) || !/\d{4}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
