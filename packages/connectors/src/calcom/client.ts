import {
  type ActionConnection,
  ConnectorError,
  createHttpClient,
  extractProviderMessage,
  type HttpClient,
  isJsonObject,
  type JsonValue,
  type LogData,
  PROVIDER_MESSAGE_MAX_LENGTH,
  truncateText,
} from "@handoff/connector-sdk";

export const CALCOM_API_BASE = "https://api.cal.com";

/**
 * Without this header Cal.com silently serves an older bookings controller with another body and
 * response shape, so every bookings call pins it (webhooks endpoints are not versioned).
 */
export const BOOKINGS_API_VERSION_HEADERS = { "cal-api-version": "2024-08-13" } as const;

/** Epoch seconds are above this; smaller values are seconds left in the window. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Cal.com's throttler answers 429 without `Retry-After`, but with `X-RateLimit-Reset-Default`.
 * The contract notes say epoch seconds while the throttler's source writes seconds left in the
 * window, so both readings are accepted: a value that cannot be an epoch is a duration.
 */
export function calcomRateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const remaining = headers.get("x-ratelimit-remaining-default");
  const reset = Number(headers.get("x-ratelimit-reset-default") ?? Number.NaN);
  if (!Number.isFinite(reset) || reset < 0) return undefined;
  // A 429 while the default window still has room came from another limit; the reset says nothing about it.
  if (remaining !== null && Number(remaining) > 0) return undefined;
  return reset >= EPOCH_SECONDS_THRESHOLD ? Math.max(0, reset * 1000 - now) : reset * 1000;
}

/** `{status:"error", error:{code, message, details}}`: the message, with the exception name when the message is terse. */
export function calcomProviderMessage(body: JsonValue): string | undefined {
  if (isJsonObject(body) && isJsonObject(body.error)) {
    const { message, code } = body.error;
    if (typeof message === "string" && message.trim() !== "") {
      return truncateText(message.trim(), PROVIDER_MESSAGE_MAX_LENGTH);
    }
    if (typeof code === "string" && code !== "") return code;
  }
  return extractProviderMessage(body);
}

export interface CalcomClientOptions {
  signal?: AbortSignal;
  log?: (message: string, data?: LogData) => void;
}

/** The API v2 client for one connection: the public API unless the connection names another host (sandbox, self-hosted). */
export function createCalcomClient(connection: ActionConnection | null, options: CalcomClientOptions = {}): HttpClient {
  if (!connection) {
    throw new ConnectorError({ code: "auth", message: "choose a Cal.com connection for this step" });
  }
  return createHttpClient({
    baseUrl: connection.baseUrl ?? CALCOM_API_BASE,
    authorize: () => connection.authHeaders(),
    rateLimitWaitMs: calcomRateLimitWaitMs,
    providerMessage: calcomProviderMessage,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}
