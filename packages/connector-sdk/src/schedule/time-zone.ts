/**
 * An IANA zone such as `Europe/Paris` (or `UTC`). Fixed offsets like `+02:00` are refused: they
 * ignore daylight saving, which is exactly what a business schedule must follow.
 */
export function validateTimeZone(name: string): { ok: true } | { ok: false; message: string } {
  if (name !== "UTC" && !name.includes("/")) {
    return { ok: false, message: `"${name}" is not an IANA time zone; use a name such as Europe/Paris` };
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return { ok: true };
  } catch {
    return { ok: false, message: `unknown time zone "${name}"` };
  }
}
