/** Headers as fetch, node:http and plain objects hand them over. */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** Lower-cased names; repeated headers joined with ", " as RFC 9110 allows (set-cookie aside). */
export function normalizeHeaders(headers: HeadersLike): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      result[name.toLowerCase()] = value;
    });
    return result;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : value.join(", ");
    const key = name.toLowerCase();
    const existing = result[key];
    result[key] = existing === undefined ? text : `${existing}, ${text}`;
  }
  return result;
}

export function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  return normalizeHeaders(headers)[name.toLowerCase()];
}
