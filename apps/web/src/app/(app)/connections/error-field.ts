/**
 * The input a server refusal concerns (`name`, `baseUrl`, `credentials.token`), when the API
 * error carries it in `data.field`; null when it does not say.
 */
export function errorField(error: { data?: unknown } | null | undefined): string | null {
  const data = error?.data;
  if (typeof data !== "object" || data === null || !("field" in data)) return null;
  return typeof data.field === "string" ? data.field : null;
}
