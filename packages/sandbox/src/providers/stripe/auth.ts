import type { IncomingHttpHeaders } from "node:http";
import { stripeErrors } from "./errors";

/** The API key from `Authorization: Bearer sk_…` or HTTP Basic with the key as username. */
export function readApiKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization?.trim();
  if (!header) return undefined;
  const [scheme = "", credentials = ""] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") return credentials || undefined;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    return decoded.split(":", 1)[0] || undefined;
  }
  return undefined;
}

export function authenticate(headers: IncomingHttpHeaders, keys: readonly string[]): string {
  const key = readApiKey(headers);
  if (!key) throw stripeErrors.noApiKey();
  if (!keys.includes(key)) throw stripeErrors.invalidApiKey(key);
  return key;
}
