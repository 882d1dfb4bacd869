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

export const HUBSPOT_API_BASE = "https://api.hubapi.com";

/**
 * HubSpot also serves date-versioned paths (`/crm/objects/2026-03/…`); v3 is still served and is
 * what we target. Every CRM object path is built from this one prefix so moving is one change.
 */
export const CRM_OBJECTS_PATH = "/crm/v3/objects";

/** What a 429 from a per-second limit (search) waits: the burst window's headers do not cover it. */
const SECONDLY_WAIT_MS = 1_000;

/**
 * The daily limit resets at midnight in the portal's time zone, which the API does not say;
 * retrying hourly reaches the reset without hammering a spent budget.
 */
const DAILY_WAIT_MS = 60 * 60_000;

/**
 * HubSpot does not document `Retry-After` on 429. The burst limit is a rolling window whose length
 * is in `X-HubSpot-RateLimit-Interval-Milliseconds` (10 s), so waiting that long always clears it.
 * A 429 while the window still has room came from the per-second search limit instead, or from
 * the daily limit when its own header says it is spent (private apps only send that one).
 */
export function hubspotRateLimitWaitMs(headers: Headers): number | undefined {
  if (headers.get("x-hubspot-ratelimit-daily-remaining") === "0") return DAILY_WAIT_MS;
  const remaining = headers.get("x-hubspot-ratelimit-remaining");
  if (remaining !== null && Number(remaining) > 0) return SECONDLY_WAIT_MS;
  const interval = Number(headers.get("x-hubspot-ratelimit-interval-milliseconds") ?? Number.NaN);
  return Number.isFinite(interval) && interval > 0 ? interval : undefined;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * "Property values were not valid: [{…json…}]" is unreadable in a run list; the structured
 * `errors[]` (`{message, context:{propertyName:[…]}}`) says the same thing in words.
 */
function propertyProblems(errors: JsonValue | undefined): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const lines = errors.flatMap((error) => {
    if (!isJsonObject(error)) return [];
    const message = text(error.message);
    if (!message) return [];
    const names = isJsonObject(error.context) ? error.context.propertyName : undefined;
    const name = Array.isArray(names) ? text(names[0]) : undefined;
    return [name ? `${name}: ${message}` : message];
  });
  return lines.length > 0 ? lines.join("; ") : undefined;
}

/**
 * `{status:"error", message, category, correlationId, errors?}` → "message (CATEGORY, correlationId …)".
 * The category tells a validation problem from a scope problem at a glance; HubSpot support asks
 * for the correlation id. 429 bodies carry `errorType`/`policyName` instead of a category.
 */
export function hubspotProviderMessage(body: JsonValue): string | undefined {
  if (!isJsonObject(body)) return extractProviderMessage(body);
  const raw = text(body.message);
  if (!raw) return extractProviderMessage(body);
  const message = raw.startsWith("Property values were not valid")
    ? `Property values were not valid: ${propertyProblems(body.errors) ?? raw}`
    : raw;
  const kind = text(body.category) ?? [text(body.errorType), text(body.policyName)].filter(Boolean).join(" ");
  const correlation = text(body.correlationId);
  const details = [kind, correlation ? `correlationId ${correlation}` : undefined].filter(Boolean).join(", ");
  return truncateText(details ? `${message} (${details})` : message, PROVIDER_MESSAGE_MAX_LENGTH);
}

export interface HubspotClientOptions {
  signal?: AbortSignal;
  log?: (message: string, data?: LogData) => void;
  /** Requests of the developer webhooks API authenticate with `?hapikey=` instead of the connection. */
  unauthenticated?: boolean;
}

/** The connection a step needs; HubSpot steps cannot run without one. */
export function requireConnection(connection: ActionConnection | null): ActionConnection {
  if (!connection) throw new ConnectorError({ code: "auth", message: "choose a HubSpot connection for this step" });
  return connection;
}

/** The CRM API client of one connection: the public API unless the connection names another host (sandbox). */
export function createHubspotClient(
  connection: ActionConnection | null,
  options: HubspotClientOptions = {},
): HttpClient {
  const account = requireConnection(connection);
  return createHttpClient({
    baseUrl: account.baseUrl ?? HUBSPOT_API_BASE,
    ...(options.unauthenticated ? {} : { authorize: () => account.authHeaders() }),
    rateLimitWaitMs: hubspotRateLimitWaitMs,
    providerMessage: hubspotProviderMessage,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}
