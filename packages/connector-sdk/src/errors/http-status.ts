import { type HeadersLike, headerValue } from "../headers";
import { ConnectorError, type ConnectorErrorCode, type ConnectorErrorKind } from "./connector-error";
import { parseRetryAfter } from "./retry-after";

export interface HttpStatusClassification {
  kind: ConnectorErrorKind;
  code: ConnectorErrorCode;
  status: number;
  retryAfterMs?: number;
}

function codeForStatus(status: number): ConnectorErrorCode {
  if (status === 429) return "rate_limited";
  if (status >= 500 && status <= 599) return "server_error";
  switch (status) {
    case 401:
    case 403:
      return "auth";
    case 404:
    case 410:
      return "not_found";
    case 408:
      return "timeout";
    case 409:
      return "conflict";
    case 413:
      return "too_large";
    case 400:
    case 422:
      return "validation";
  }
  return status >= 400 && status <= 499 ? "client_error" : "unknown";
}

/**
 * 429, 5xx and 408 (the server's own timeout) are worth retrying, honouring `Retry-After`; every
 * other 4xx will fail the same way again, so it is final.
 */
export function classifyHttpStatus(
  status: number,
  headers: HeadersLike = {},
  now: number = Date.now(),
): HttpStatusClassification {
  const code = codeForStatus(status);
  const retriable = code === "rate_limited" || code === "server_error" || code === "timeout";
  if (!retriable) return { kind: "final", code, status };
  const retryAfterMs = parseRetryAfter(headerValue(headers, "retry-after"), now);
  return retryAfterMs === undefined
    ? { kind: "retriable", code, status }
    : { kind: "retriable", code, status, retryAfterMs };
}

export interface HttpStatusErrorOptions {
  status: number;
  statusText?: string;
  headers?: HeadersLike;
  providerMessage?: string;
  /** Where the request went, for the message; never include the query string (it may hold keys). */
  target?: string;
  now?: number;
}

export function httpStatusError(options: HttpStatusErrorOptions): ConnectorError {
  const classification = classifyHttpStatus(options.status, options.headers, options.now);
  const statusLine = [`HTTP ${options.status}`, options.statusText].filter(Boolean).join(" ");
  const from = options.target ? ` from ${options.target}` : "";
  const detail = options.providerMessage ? `: ${options.providerMessage}` : "";
  return new ConnectorError({
    ...classification,
    message: `${statusLine}${from}${detail}`,
    ...(options.providerMessage === undefined ? {} : { providerMessage: options.providerMessage }),
  });
}
