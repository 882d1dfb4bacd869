import type { SandboxResponse } from "../../types";

export type StripeErrorType = "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
}

/** Thrown anywhere below a route; the router turns it into Stripe's `{error:{…}}` answer. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

function invalidRequest(status: number, message: string, extra: { code?: string; param?: string } = {}) {
  const doc = extra.code ? { doc_url: `https://stripe.com/docs/error-codes/${extra.code.replaceAll("_", "-")}` } : {};
  return new StripeApiError(status, { type: "invalid_request_error", message, ...extra, ...doc });
}

export const stripeErrors = {
  missingParam: (param: string) =>
    invalidRequest(400, `Missing required param: ${param}.`, { code: "parameter_missing", param }),
  unknownParam: (param: string) =>
    invalidRequest(400, `Received unknown parameter: ${param}`, { code: "parameter_unknown", param }),
  invalidInteger: (param: string, value: unknown) =>
    invalidRequest(400, `Invalid integer: ${display(value)}`, { code: "parameter_invalid_integer", param }),
  invalid: (param: string, message: string, code?: string) => invalidRequest(400, message, { param, code }),
  /** A referenced object that does not exist: 404 for the path's own id, 400 for a body parameter. */
  noSuch: (kind: string, id: string, param = "id", status = 404) =>
    invalidRequest(status, `No such ${kind}: '${id}'`, { code: "resource_missing", param }),
  invoiceState: (message: string) => invalidRequest(400, message, { code: "invoice_unexpected_state" }),
  invoiceNotEditable: (message: string, param?: string) =>
    invalidRequest(400, message, { code: "invoice_not_editable", param }),
  unrecognizedUrl: (method: string, path: string) =>
    invalidRequest(
      404,
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    ),
  idempotencyMismatch: (key: string) =>
    new StripeApiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    }),
  rateLimited: () =>
    new StripeApiError(
      429,
      {
        type: "invalid_request_error",
        code: "rate_limit",
        message:
          "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.",
        doc_url: "https://stripe.com/docs/error-codes/rate-limit",
      },
      { "Retry-After": "1" },
    ),
  noApiKey: () =>
    new StripeApiError(
      401,
      {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      },
      { "WWW-Authenticate": 'Basic realm="Stripe"' },
    ),
  invalidApiKey: (key: string) =>
    new StripeApiError(
      401,
      { type: "invalid_request_error", message: `Invalid API Key provided: ${maskApiKey(key)}` },
      { "WWW-Authenticate": 'Basic realm="Stripe"' },
    ),
  unsupportedVersion: (version: string, pinned: string) =>
    invalidRequest(
      400,
      `Invalid Stripe API version: ${version}. The sandbox renders only ${pinned}; pin that version (Stripe-Version header).`,
    ),
};

/** Stripe shows the key's type prefix and last four characters, starring the rest. */
export function maskApiKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? "";
  const rest = key.slice(prefix.length);
  if (rest.length <= 4) return `${prefix}${"*".repeat(rest.length)}`;
  return `${prefix}${"*".repeat(rest.length - 4)}${rest.slice(-4)}`;
}

/** 409 and 5xx are worth retrying with the same idempotency key; other errors are not. */
export function errorResponse(error: StripeApiError, headers: Record<string, string>): SandboxResponse {
  const retry = error.status === 409 || error.status === 429 || error.status >= 500;
  return {
    status: error.status,
    headers: { ...headers, ...error.headers, "Stripe-Should-Retry": String(retry) },
    body: { error: error.error },
  };
}

function display(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
