import {
  ConnectorError,
  defineAction,
  extractProviderMessage,
  httpStatusError,
  type JsonValue,
  toConnectorError,
} from "@handoff/connector-sdk";
import { Agent, interceptors, request } from "undici";
import { type HttpRequestProps, ZHttpRequestProps } from "./http-request-props";
import {
  contentType,
  decodeBody,
  type HttpResponse,
  MAX_RESPONSE_BYTES,
  readBodyCapped,
  responseHeaders,
  statusText,
} from "./http-response";

/** Enough of an error body for its message; the rest is not worth the memory. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function requestHeaders(props: HttpRequestProps, idempotencyKey: string): Record<string, string> {
  const headers = { ...props.headers };
  if (!hasHeader(headers, "idempotency-key")) headers["Idempotency-Key"] = idempotencyKey;
  if (props.body !== undefined && !hasHeader(headers, "content-type")) headers["Content-Type"] = "application/json";
  return headers;
}

/**
 * undici's request API rather than fetch: the same HTTP client without the web streams fetch
 * builds around every request and response (they were most of a run's CPU in the worker). It
 * follows redirects as fetch does (up to 20; a 303, or a POST answered 301/302, becomes a GET).
 */
const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 20 }));

/** The run's signal plus this request's deadline, telling which of the two fired. */
function deadline(runSignal: AbortSignal, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onRunAbort = () => controller.abort(runSignal.reason);
  if (runSignal.aborted) onRunAbort();
  else runSignal.addEventListener("abort", onRunAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut && !runSignal.aborted,
    dispose() {
      clearTimeout(timer);
      runSignal.removeEventListener("abort", onRunAbort);
    },
  };
}

/** Method, host and path: the query string may carry API keys, so it stays out of logs and errors. */
function describeTarget(method: string, url: string): string {
  const { host, pathname } = new URL(url);
  return `${method} ${host}${pathname}`;
}

async function failureFor(response: HttpResponse, target: string): Promise<ConnectorError> {
  let providerMessage: string | undefined;
  try {
    const bytes = await readBodyCapped(response, MAX_ERROR_BODY_BYTES);
    providerMessage = extractProviderMessage(decodeBody(bytes, contentType(response)));
  } catch {
    // An unreadable or huge error body still leaves the status, which is what decides a retry.
    response.body.destroy();
  }
  return httpStatusError({
    status: response.statusCode,
    statusText: statusText(response.statusCode),
    headers: response.headers,
    target,
    ...(providerMessage === undefined ? {} : { providerMessage }),
  });
}

export const httpRequestAction = defineAction({
  key: "http-request",
  name: "HTTP request",
  description: "Calls any HTTP API and returns its status, headers and body (parsed when it is JSON).",
  props: ZHttpRequestProps,
  sideEffect: true,
  async run(ctx) {
    const { props } = ctx;
    const target = describeTarget(props.method, props.url);
    const limit = deadline(ctx.signal, props.timeoutMs);
    ctx.log("HTTP request", { target, timeoutMs: props.timeoutMs });
    try {
      const response = await request(props.url, {
        dispatcher,
        method: props.method,
        headers: requestHeaders(props, ctx.idempotencyKey),
        ...(props.body === undefined ? {} : { body: JSON.stringify(props.body) }),
        signal: limit.signal,
      });
      if (response.statusCode < 200 || response.statusCode > 299) throw await failureFor(response, target);
      const body: JsonValue = decodeBody(await readBodyCapped(response, MAX_RESPONSE_BYTES), contentType(response));
      ctx.log("HTTP response", { target, status: response.statusCode });
      return { status: response.statusCode, headers: responseHeaders(response), body };
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      // The deadline is checked, not the error: an abort surfaces in several shapes.
      if (limit.timedOut()) {
        throw new ConnectorError({
          code: "timeout",
          message: `${target} did not answer within ${props.timeoutMs} ms`,
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
    } finally {
      limit.dispose();
    }
  },
});
