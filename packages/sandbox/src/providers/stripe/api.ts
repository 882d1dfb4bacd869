import type { SandboxRequest, SandboxResponse } from "../../types";
import { authenticate } from "./auth";
import { errorResponse, StripeApiError, stripeErrors } from "./errors";
import { applyExpand } from "./expand";
import { STRIPE_SANDBOX_API_VERSION } from "./fixtures";
import { type IdempotencyStore, requestFingerprint } from "./idempotency";
import { newId } from "./ids";
import { type Form, FormReader, parseForm } from "./params";
import type { RateLimiter } from "./rate-limit";
import { matchRoute, type Route } from "./router";
import { catalogRoutes } from "./routes/catalog";
import { customerRoutes } from "./routes/customers";
import { eventRoutes } from "./routes/events";
import { invoiceActionRoutes } from "./routes/invoice-actions";
import { invoiceLineRoutes } from "./routes/invoice-lines";
import { invoiceRoutes } from "./routes/invoices";
import { paymentRoutes } from "./routes/payments";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import type { StripeRuntime } from "./runtime";

const ROUTES: readonly Route[] = [
  ...customerRoutes,
  ...catalogRoutes,
  ...invoiceRoutes,
  ...invoiceLineRoutes,
  ...invoiceActionRoutes,
  ...paymentRoutes,
  ...webhookEndpointRoutes,
  ...eventRoutes,
];

export interface ApiDependencies {
  rt: StripeRuntime;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
}

function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** GET and DELETE read the query string; POST reads the form body (query parameters merged under it). */
function readParams(request: SandboxRequest): Form {
  const query = parseForm(request.query.toString());
  if (request.method !== "POST") return query;
  return { ...query, ...parseForm(request.rawBody.toString("utf8")) };
}

/**
 * One `/v1` call, in Stripe's order: API key, pinned version, per-key rate limit, route,
 * idempotent replay, then the operation and `expand[]`. Every answer carries `Request-Id`.
 */
export function handleApiRequest(
  { rt, limiter, idempotency }: ApiDependencies,
  request: SandboxRequest,
): SandboxResponse {
  const requestId = newId("req", 14);
  const headers: Record<string, string> = { "Request-Id": requestId, "Stripe-Version": STRIPE_SANDBOX_API_VERSION };
  const idempotencyKey = request.method === "POST" ? header(request, "idempotency-key") : undefined;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let saveAs: { apiKey: string; key: string; fingerprint: string } | undefined;
  try {
    const apiKey = authenticate(request.headers, rt.options.secretKeys);
    const version = header(request, "stripe-version");
    if (version && version !== STRIPE_SANDBOX_API_VERSION)
      throw stripeErrors.unsupportedVersion(version, STRIPE_SANDBOX_API_VERSION);
    if (!limiter.take(apiKey, rt.clock.nowMs())) throw stripeErrors.rateLimited();
    const match = matchRoute(ROUTES, request.method, request.path);
    if (!match) throw stripeErrors.unrecognizedUrl(request.method, request.path);
    const params = readParams(request);
    if (idempotencyKey) {
      if (idempotencyKey.length > 255)
        throw stripeErrors.invalid("Idempotency-Key", "Idempotency-Key must be at most 255 characters long.");
      const fingerprint = requestFingerprint(request.method, request.path, params);
      const replay = idempotency.replay(apiKey, idempotencyKey, fingerprint, rt.clock.nowMs());
      if (replay) return { ...replay, headers: { ...replay.headers, "Request-Id": requestId } };
      saveAs = { apiKey, key: idempotencyKey, fingerprint };
    }
    const form = new FormReader(params);
    const body = match.route.handle({
      rt,
      form,
      pathParams: match.pathParams,
      request: { id: requestId, idempotency_key: idempotencyKey ?? null },
    });
    // A snapshot, so a replay shows the first answer even after the object changes.
    const response: SandboxResponse = {
      status: 200,
      headers,
      body: structuredClone(applyExpand(rt, body, form.expand())),
    };
    if (saveAs) idempotency.save(saveAs.apiKey, saveAs.key, saveAs.fingerprint, response, requestId, rt.clock.nowMs());
    return response;
  } catch (error) {
    // Validation and state errors are not stored (safe to retry); an unexpected 500 is, as Stripe does.
    if (error instanceof StripeApiError) return errorResponse(error, headers);
    const response = errorResponse(
      new StripeApiError(500, { type: "api_error", message: `An unknown error occurred: ${String(error)}` }),
      headers,
    );
    if (saveAs) idempotency.save(saveAs.apiKey, saveAs.key, saveAs.fingerprint, response, requestId, rt.clock.nowMs());
    return response;
  }
}
