import { ConnectorError } from "../errors/connector-error";
import { httpStatusError } from "../errors/http-status";
import { toConnectorError } from "../errors/normalize";
import { extractProviderMessage } from "../errors/provider-message";
import type { JsonValue } from "../json";
import { computeBackoff } from "../retry/backoff";
import { buildUrl, encodeRequestBody, type QueryValue } from "./request-body";
import { readResponseBody } from "./response-body";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpClientOptions {
  baseUrl: string;
  /** Headers that authenticate; asked per attempt so a refreshed OAuth token is picked up. */
  authorize?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Sent on every request, e.g. Cal.com's `cal-api-version` or Stripe's `Stripe-Version`. */
  headers?: Record<string, string>;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts inside one step attempt, the first included; the engine retries the step after that. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  /**
   * Waits longer than this are not slept through: the error goes to the engine with the wait as
   * `retryAfterMs`, so a worker slot is not held for a minute-long rate-limit window.
   */
  maxInlineWaitMs?: number;
  /** The header that carries the step's idempotency key, when the API has one (`Idempotency-Key`). */
  idempotencyHeader?: string;
  /** Provider rate-limit headers → how long to wait, for APIs that do not send `Retry-After`. */
  rateLimitWaitMs?: (headers: Headers, now: number) => number | undefined;
  /** The provider's reason in an error body; the common shapes are understood by default. */
  providerMessage?: (body: JsonValue) => string | undefined;
  /** Aborts every request (the step's signal). */
  signal?: AbortSignal;
  log?: (message: string, data?: Readonly<Record<string, unknown>>) => void;
  fetch?: typeof fetch;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Appended to the base URL. */
  path: string;
  query?: Readonly<Record<string, QueryValue>>;
  json?: unknown;
  /** Form-encoded with bracket notation (Stripe). */
  form?: Record<string, unknown>;
  headers?: Record<string, string>;
  /**
   * Sent in `idempotencyHeader`; also what makes a POST safe to retry inline after a 5xx or a
   * dropped connection. One key per distinct request: `${ctx.idempotencyKey}:create-invoice`.
   */
  idempotencyKey?: string;
  /** Statuses handed back instead of thrown, e.g. 404 for "find", 409 to read the existing id. */
  accept?: readonly number[];
}

export interface HttpResponse<TBody = JsonValue> {
  status: number;
  headers: Headers;
  body: TBody;
}

export interface HttpClient {
  request<TBody = JsonValue>(request: HttpRequest): Promise<HttpResponse<TBody>>;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(["GET", "PUT", "DELETE"]);

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * The HTTP client every connector uses: authentication injected, a timeout per attempt, inline
 * retries of retriable failures with jittered backoff that honours `Retry-After` (or the
 * provider's own rate-limit headers), the idempotency key passed on, and every failure mapped to
 * a retriable or final `ConnectorError` that keeps the provider's message.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const {
    timeoutMs = 30_000,
    maxAttempts = 3,
    backoffBaseMs = 250,
    maxInlineWaitMs = 5_000,
    fetch: fetchImpl = fetch,
    sleep = defaultSleep,
  } = options;

  async function attempt(request: HttpRequest, url: URL, target: string): Promise<HttpResponse<JsonValue>> {
    const encoded = encodeRequestBody(
      request.json !== undefined ? { json: request.json } : request.form ? { form: request.form } : undefined,
    );
    const headers: Record<string, string> = {
      accept: "application/json",
      ...options.headers,
      ...(encoded.contentType ? { "content-type": encoded.contentType } : {}),
      ...(await options.authorize?.()),
      ...request.headers,
    };
    if (request.idempotencyKey && options.idempotencyHeader)
      headers[options.idempotencyHeader] = request.idempotencyKey;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(encoded.body === undefined ? {} : { body: encoded.body }),
        signal,
        redirect: "follow",
      });
    } catch (error) {
      if (timeout.aborted && !options.signal?.aborted) {
        throw new ConnectorError({
          code: "timeout",
          message: `${target} did not answer within ${timeoutMs} ms`,
          cause: error,
        });
      }
      const normalized = toConnectorError(error);
      throw new ConnectorError({
        code: normalized.code,
        kind: normalized.kind,
        message: `${target} failed: ${normalized.message}`,
        cause: error,
      });
    }
    const body = await readResponseBody(response);
    if (response.ok || request.accept?.includes(response.status)) {
      return { status: response.status, headers: response.headers, body };
    }
    const providerMessage = (options.providerMessage ?? extractProviderMessage)(body);
    const error = httpStatusError({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      target,
      ...(providerMessage === undefined ? {} : { providerMessage }),
    });
    const providerWait = error.retriable ? options.rateLimitWaitMs?.(response.headers, Date.now()) : undefined;
    if (error.retryAfterMs === undefined && providerWait !== undefined) {
      throw new ConnectorError({ ...error.toJSON(), retryAfterMs: providerWait });
    }
    throw error;
  }

  /** A POST/PATCH is only replayed when the provider can recognise the replay, or never saw it. */
  function mayRetry(request: HttpRequest, error: ConnectorError): boolean {
    if (!error.retriable) return false;
    if (SAFE_METHODS.has(request.method) || request.idempotencyKey) return true;
    return error.code === "rate_limited" || error.status === 503 || error.code === "network";
  }

  return {
    async request<TBody = JsonValue>(request: HttpRequest): Promise<HttpResponse<TBody>> {
      const url = buildUrl(options.baseUrl, request.path, request.query);
      // Method, host and path only: query strings can carry keys.
      const target = `${request.method} ${url.host}${url.pathname}`;
      for (let attemptNumber = 1; ; attemptNumber += 1) {
        const started = Date.now();
        try {
          const response = await attempt(request, url, target);
          options.log?.("HTTP", { target, status: response.status, attempt: attemptNumber, ms: Date.now() - started });
          return response as HttpResponse<TBody>;
        } catch (caught) {
          const error = caught instanceof ConnectorError ? caught : toConnectorError(caught);
          options.log?.("HTTP failed", {
            target,
            ...(error.status === undefined ? {} : { status: error.status }),
            code: error.code,
            attempt: attemptNumber,
            ms: Date.now() - started,
          });
          if (attemptNumber >= maxAttempts || !mayRetry(request, error) || options.signal?.aborted) throw error;
          if ((error.retryAfterMs ?? 0) > maxInlineWaitMs) throw error;
          const wait = computeBackoff({
            attempt: attemptNumber,
            baseMs: backoffBaseMs,
            maxMs: maxInlineWaitMs,
            ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
            ...(options.random ? { random: options.random } : {}),
          });
          await sleep(wait, options.signal);
        }
      }
    },
  };
}
