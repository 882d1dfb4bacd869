import { ConnectorError } from "@handoff/connector-sdk";

export interface SmtpServer {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (`smtps://`); `smtp://` upgrades with STARTTLS when offered. */
  secure: boolean;
}

/** Submission ports: 587 speaks plaintext then STARTTLS, 465 TLS from the start (RFC 8314). */
const DEFAULT_PORTS = { "smtp:": 587, "smtps:": 465 } as const;

const EXPECTED = "write it as smtp://host:port or smtps://host:port";

function invalid(reason: string): ConnectorError {
  return new ConnectorError({
    code: "validation",
    message: `the connection's SMTP server (baseUrl) ${reason}; ${EXPECTED}`,
  });
}

/**
 * Reads the SMTP server from the connection's base URL. The value itself is never echoed: a user
 * may have pasted credentials into it.
 */
export function parseSmtpUrl(baseUrl: string | undefined): SmtpServer {
  const value = baseUrl?.trim() ?? "";
  if (value === "") throw invalid("is missing");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("is not a URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw invalid(`uses ${url.protocol.replace(/:$/, "")}:// instead of smtp:// or smtps://`);
  }
  // Without "//" a URL has no host part ("smtp:mail.example.com"), so it is checked before the host.
  if (url.hostname === "") throw invalid("has no host");
  if (url.username !== "" || url.password !== "") {
    throw invalid("contains a username or password, which belong in the connection's credentials");
  }
  if ((url.pathname !== "" && url.pathname !== "/") || url.search !== "" || url.hash !== "") {
    throw invalid("has a path, query or fragment");
  }
  // URL rejects ports above 65535 but keeps ":0", which no server listens on.
  const port = url.port === "" ? DEFAULT_PORTS[url.protocol] : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw invalid("has an invalid port");
  return {
    // IPv6 literals come back bracketed ("[::1]"), and smtp: is not a scheme URL lower-cases.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase(),
    port,
    secure: url.protocol === "smtps:",
  };
}

/** `host:port` for messages and logs. */
export function describeSmtpServer(server: SmtpServer): string {
  const host = server.host.includes(":") ? `[${server.host}]` : server.host;
  return `${host}:${server.port}`;
}
