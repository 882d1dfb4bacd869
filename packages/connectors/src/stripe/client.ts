import {
  type ActionConnection,
  ConnectorError,
  classifyHttpStatus,
  createHttpClient,
  extractProviderMessage,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  httpStatusError,
  isJsonObject,
  type JsonValue,
  type LogData,
  PROVIDER_MESSAGE_MAX_LENGTH,
  truncateText,
} from "@handoff/connector-sdk";
import type { z } from "zod";

export const STRIPE_API_BASE = "https://api.stripe.com";

/**
 * Pinned: basil and later versions reshaped invoices (no `paid`/`charge`, `payments`, line
 * `pricing`/`taxes`), and without the header the account's default version would decide the
 * shape of every answer. Webhook events use the endpoint's version, pinned the same way.
 */
export const STRIPE_API_VERSION = "2025-09-30.clover";

const text = (value: JsonValue | undefined): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/**
 * `{error:{type, code, param, message, decline_code}}` → "message (code, param x)". The code and
 * the parameter say what to fix (`resource_missing`, param `customer`) where the message alone
 * often does not.
 */
export function stripeProviderMessage(body: JsonValue): string | undefined {
  if (!isJsonObject(body) || !isJsonObject(body.error)) return extractProviderMessage(body);
  const { message, code, param, type, decline_code: declineCode } = body.error;
  const details = [text(code) ?? text(type), text(declineCode), text(param) ? `param ${text(param)}` : undefined]
    .filter(Boolean)
    .join(", ");
  const reason = text(message) ?? text(code) ?? text(type);
  if (!reason) return extractProviderMessage(body);
  return truncateText(details ? `${reason} (${details})` : reason, PROVIDER_MESSAGE_MAX_LENGTH);
}

/**
 * Thrown from `fetch`: the HTTP client keeps a ConnectorError's kind (so it retries inline, or
 * not) but wraps it in a "failed: …" error, which `request` unwraps again.
 */
class RetryHintError extends ConnectorError {}

async function readJson(response: Response): Promise<JsonValue> {
  const body = await response.text();
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return body;
  }
}

/**
 * Stripe says in `Stripe-Should-Retry` whether a failure is worth retrying; where that disagrees
 * with the status (a 500 Stripe knows will fail again, a 409 from a concurrent request with the
 * same idempotency key), the header wins, as in Stripe's own SDKs.
 */
function honouringShouldRetry(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const hint = response.headers.get("stripe-should-retry");
    if (response.ok || (hint !== "true" && hint !== "false")) return response;
    const kind = hint === "true" ? "retriable" : "final";
    if (classifyHttpStatus(response.status, response.headers).kind === kind) return response;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const providerMessage = stripeProviderMessage(await readJson(response));
    const error = httpStatusError({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      target: `${init?.method ?? "GET"} ${url.host}${url.pathname}`,
      ...(providerMessage === undefined ? {} : { providerMessage }),
    });
    throw new RetryHintError({ ...error.toJSON(), kind });
  };
}

/** The HTTP client wraps what `fetch` threw; a retry hint's error is handed on as it was made. */
function unwrapRetryHint(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    if (current instanceof RetryHintError) return current;
    current = current.cause;
  }
  return error;
}

export interface StripeClientOptions {
  signal?: AbortSignal;
  log?: (message: string, data?: LogData) => void;
}

/**
 * The API client for one connection: the public API unless the connection names another host
 * (the sandbox). Bodies are form-encoded with brackets (`metadata[k]=v`, `lines[0][quantity]=1`).
 * Every POST must carry an idempotency key (`${ctx.idempotencyKey}:<purpose>`): Stripe then
 * answers a retried request with the first answer instead of doing it twice.
 */
export function createStripeClient(connection: ActionConnection | null, options: StripeClientOptions = {}): HttpClient {
  if (!connection) {
    throw new ConnectorError({ code: "auth", message: "choose a Stripe connection for this step" });
  }
  const http = createHttpClient({
    baseUrl: connection.baseUrl ?? STRIPE_API_BASE,
    authorize: () => connection.authHeaders(),
    headers: { "stripe-version": STRIPE_API_VERSION },
    idempotencyHeader: "Idempotency-Key",
    providerMessage: stripeProviderMessage,
    fetch: honouringShouldRetry(fetch),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    async request<TBody = JsonValue>(request: HttpRequest): Promise<HttpResponse<TBody>> {
      if (request.method === "POST" && !request.idempotencyKey) {
        throw new ConnectorError({
          code: "unknown",
          message: `bug: POST ${request.path} was sent without an idempotency key`,
        });
      }
      try {
        return await http.request<TBody>(request);
      } catch (error) {
        throw unwrapRetryHint(error);
      }
    },
  };
}

/** A Stripe answer in the shape we read, or a final error naming what was being read. */
export function readStripe<T>(schema: z.ZodType<T>, body: JsonValue, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ConnectorError({
    code: "unknown",
    message: `Stripe answered ${what} with an unexpected body: ${parsed.error.issues[0]?.message ?? "invalid"}`,
  });
}

/** Ids go into paths; a stray `/` or `?` from an expression must not reach another endpoint. */
export function stripePath(template: string, ...ids: string[]): string {
  let index = 0;
  return template.replace(/\{id\}/g, () => encodeURIComponent(ids[index++] ?? ""));
}
