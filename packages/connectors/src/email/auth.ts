import type { BasicAuth } from "@handoff/connector-sdk";

/**
 * The SMTP login. The server itself is the connection's base URL (`smtp://host:port` or
 * `smtps://host:port`): it is not a secret, and the credentials hold secrets only.
 */
export const emailAuth = {
  kind: "basic",
  description:
    "Your mail provider's SMTP username and password (often an app password). Set the server as smtp://host:587 (STARTTLS) or smtps://host:465 (TLS).",
} as const satisfies BasicAuth;
