import type { Credentials } from "@handoff/connector-sdk";

/** What the browser may see of a secret: its last four characters, and only of a long one. */
export function credentialsHint(credentials: Credentials): string {
  const secret = credentials.token ?? credentials.apiKey ?? credentials.password ?? credentials.accessToken ?? "";
  return secret.length >= 8 ? `••••${secret.slice(-4)}` : "••••";
}
