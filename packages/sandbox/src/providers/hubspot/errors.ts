import type { SandboxResponse } from "../../types";

export const CORRELATION_HEADER = "X-HubSpot-Correlation-Id";

export interface HubspotErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

/**
 * A failed call, thrown from anywhere below the router and turned into HubSpot's error body
 * (`{status:"error", message, correlationId, category, …}`) by the provider's `handle`.
 */
export class HubspotApiError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    /** Extra top-level fields of the body (`errors`, `context`, `error`, `policyName`, …). */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(correlationId: string): SandboxResponse {
    const category = this.category ? { category: this.category } : {};
    const body = { status: "error", message: this.message, correlationId, ...category, ...this.extra };
    return { status: this.status, headers: { ...this.headers, [CORRELATION_HEADER]: correlationId }, body };
  }
}

export const AUTH_NOT_FOUND_MESSAGE =
  "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

export function invalidAuthentication(message = AUTH_NOT_FOUND_MESSAGE): HubspotApiError {
  return new HubspotApiError(401, "INVALID_AUTHENTICATION", message);
}

export function expiredAuthentication(expiredForMs: number): HubspotApiError {
  return new HubspotApiError(
    401,
    "EXPIRED_AUTHENTICATION",
    `The OAuth token used to make this call expired ${describeAge(expiredForMs)} ago.`,
  );
}

export function missingScopes(scope: string): HubspotApiError {
  return new HubspotApiError(
    403,
    "MISSING_SCOPES",
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [{ message: "One or more of the following scopes are required.", context: { requiredScopes: [scope] } }],
      links: { scopes: "https://developers.hubspot.com/scopes" },
    },
  );
}

export function objectNotFound(message = "resource not found"): HubspotApiError {
  return new HubspotApiError(404, "OBJECT_NOT_FOUND", message);
}

export function validationError(message: string, errors?: HubspotErrorDetail[]): HubspotApiError {
  return new HubspotApiError(400, "VALIDATION_ERROR", message, errors ? { errors } : {});
}

/** One entry of HubSpot's "Property values were not valid" list. */
export interface InvalidProperty {
  name: string;
  error: string;
  message: string;
}

/** HubSpot puts the invalid-property list, as JSON, inside `message`; `errors` repeats it structurally. */
export function invalidPropertyValues(invalid: InvalidProperty[]): HubspotApiError {
  const list = invalid.map(({ name, error, message }) => ({
    isValid: false,
    message,
    error,
    name,
    localizedErrorMessage: message,
  }));
  return validationError(
    `Property values were not valid: ${JSON.stringify(list)}`,
    invalid.map(({ name, error, message }) => ({ message, code: error, context: { propertyName: [name] } })),
  );
}

export function contactExists(existingId: string, email: string, nowMs: number): HubspotApiError {
  return new HubspotApiError(409, "OBJECT_ALREADY_EXISTS", `Contact already exists. Existing ID: ${existingId}`, {
    error: "CONTACT_EXISTS",
    errors: [{ message: `Contact already exists. Existing ID: ${existingId}`, in: "email" }],
    identityProfile: {
      vid: Number(existingId),
      identity: [{ value: email, type: "EMAIL", timestamp: nowMs, isPrimary: true }],
      linkedVid: [],
      isContact: true,
      savedAtTimestamp: nowMs,
    },
  });
}

export type RateLimitPolicy = "TEN_SECONDLY_ROLLING" | "SECONDLY" | "DAILY";

const RATE_LIMIT_MESSAGES: Record<RateLimitPolicy, string> = {
  TEN_SECONDLY_ROLLING: "You have reached your ten_secondly_rolling limit.",
  SECONDLY: "You have reached your secondly limit.",
  DAILY: "You have reached your daily limit.",
};

/** HubSpot's 429 body carries `errorType` and `policyName` instead of `category`. */
export function rateLimited(policy: RateLimitPolicy, headers: Record<string, string>, requestId: string) {
  return new HubspotApiError(
    429,
    "",
    RATE_LIMIT_MESSAGES[policy],
    { errorType: "RATE_LIMIT", policyName: policy, requestId },
    headers,
  );
}

function describeAge(ms: number): string {
  const seconds = Math.max(1, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} second(s)`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minute(s)`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hour(s)`;
  return `${Math.floor(seconds / 86_400)} day(s)`;
}
