import {
  ConnectorError,
  defineAction,
  extractProviderMessage,
  httpStatusError,
  type JsonValue,
  toConnectorError,
} from "@handoff/connector-sdk";
import { type HttpRequestProps, ZHttpRequestProps } from "./http-request-props";
import { decodeBody, MAX_RESPONSE_BYTES, readBodyCapped, responseHeaders } from "./http-response";

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

/** Method, host and path: the query string may carry API keys, so it stays out of logs and errors. */
function describeTarget(method: string, url: string): string {
  const { host, pathname } = new URL(url);
  return `${method} ${host}${pathname}`;
}

async function failureFor(response: Response, target: string): Promise<ConnectorError> {
  let providerMessage: string | undefined;
  try {
    const bytes = await readBodyCapped(response, MAX_ERROR_BODY_BYTES);
    providerMessage = extractProviderMessage(decodeBody(bytes, response.headers.get("content-type")));
  } catch {
    // An unreadable or huge error body still leaves the status, which is what decides a retry.
  }
  return httpStatusError({
    status: response.status,
    statusText: response.statusText,
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
    const timeout = AbortSignal.timeout(props.timeoutMs);
    const signal = AbortSignal.any([ctx.signal, timeout]);
    ctx.log("HTTP request", { target, timeoutMs: props.timeoutMs });
    try {
      const response = await fetch(props.url, {
        method: props.method,
        headers: requestHeaders(props, ctx.idempotencyKey),
        ...(props.body === undefined ? {} : { body: JSON.stringify(props.body) }),
        signal,
      });
      if (!response.ok) throw await failureFor(response, target);
      const body: JsonValue = decodeBody(
        await readBodyCapped(response, MAX_RESPONSE_BYTES),
        response.headers.get("content-type"),
      );
      ctx.log("HTTP response", { target, status: response.status });
      return { status: response.status, headers: responseHeaders(response), body };
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      // The signal is checked, not the error: undici reports an abort in several shapes.
      if (timeout.aborted && !ctx.signal.aborted) {
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
    }
  },
});
