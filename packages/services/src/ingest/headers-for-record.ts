const NEVER_STORED = /^(authorization|cookie|proxy-authorization)$|signature|secret|token|api-key/i;

/** The request headers worth keeping with an event, minus anything that could be a credential. */
export function headersForRecord(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NEVER_STORED.test(name)));
}
