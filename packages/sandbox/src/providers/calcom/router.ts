import type { SandboxResponse } from "../../types";
import { authenticate, bearerToken } from "./auth";
import { type CalcomFailure, errorResponse, failure } from "./errors";
import { CALCOM_BOOKINGS_API_VERSIONS } from "./fixtures";
import type { RateLimiter } from "./rate-limit";
import { cancelBooking, createBooking, getBooking, listBookings, rescheduleBooking } from "./routes/bookings";
import { isFailure, type RouteContext, type RouteResult } from "./routes/context";
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook } from "./routes/webhooks";

const BOOKINGS = /^\/v2\/bookings(?:\/([^/]+)(?:\/(reschedule|cancel))?)?\/?$/;
const WEBHOOKS = /^\/v2\/webhooks(?:\/([^/]+))?\/?$/;

type Handler = () => RouteResult;

function bookingsRoute(ctx: RouteContext, method: string, uid?: string, action?: string): Handler | undefined {
  const id = decodeURIComponent(uid ?? "");
  if (!uid && !action) {
    if (method === "POST") return () => createBooking(ctx);
    if (method === "GET") return () => listBookings(ctx);
    return undefined;
  }
  if (!action && method === "GET") return () => getBooking(ctx, id);
  if (action === "reschedule" && method === "POST") return () => rescheduleBooking(ctx, id);
  if (action === "cancel" && method === "POST") return () => cancelBooking(ctx, id);
  return undefined;
}

function webhooksRoute(ctx: RouteContext, method: string, webhookId?: string): Handler | undefined {
  if (!webhookId) {
    if (method === "POST") return () => createWebhook(ctx);
    if (method === "GET") return () => listWebhooks(ctx);
    return undefined;
  }
  const id = decodeURIComponent(webhookId);
  if (method === "GET") return () => getWebhook(ctx, id);
  if (method === "PATCH") return () => updateWebhook(ctx, id);
  if (method === "DELETE") return () => deleteWebhook(ctx, id);
  return undefined;
}

/**
 * Real Cal.com silently routes a bookings call without `cal-api-version: 2024-08-13` to an older
 * controller with a different body and response shape. The sandbox answers 400 instead, naming the
 * header, so a connector that forgets it fails loudly in tests rather than subtly in production.
 */
function checkBookingsVersion(ctx: RouteContext): CalcomFailure | undefined {
  const header = ctx.request.headers["cal-api-version"];
  const version = Array.isArray(header) ? header[0] : header;
  if (version && (CALCOM_BOOKINGS_API_VERSIONS as readonly string[]).includes(version)) return undefined;
  const got = version ? `got "${version}"` : "it is missing";
  return failure(
    "BadRequestException",
    `The cal-api-version header must be ${CALCOM_BOOKINGS_API_VERSIONS.join(" or ")} for /v2/bookings endpoints (${got})`,
  );
}

function dispatch(ctx: RouteContext): RouteResult {
  const { method, path } = ctx.request;
  const bookings = BOOKINGS.exec(path);
  if (bookings) {
    const handler = bookingsRoute(ctx, method, bookings[1], bookings[2]);
    if (handler) return checkBookingsVersion(ctx) ?? handler();
  }
  const webhooks = WEBHOOKS.exec(path);
  const handler = webhooks ? webhooksRoute(ctx, method, webhooks[1]) : undefined;
  if (handler) return handler();
  return failure("NotFoundException", `Cannot ${method} ${path}`);
}

/**
 * One API call: the throttler counts it first (as Cal.com's global guard does, so even a refused
 * key uses up its window), then the API key is checked, then the route answers.
 */
export function handleCalcomRequest(ctx: RouteContext, limiter: RateLimiter, apiKey: string): SandboxResponse {
  const verdict = limiter.hit(bearerToken(ctx.request) ?? "anonymous");
  const respond = (result: RouteResult): SandboxResponse => {
    const response = isFailure(result)
      ? errorResponse(ctx.request, ctx.clock.now(), result)
      : { status: result.status, body: result.body };
    return { ...response, headers: { ...verdict.headers, ...response.headers } };
  };
  if (!verdict.allowed) return respond(failure("ThrottlerException", "Too many requests. Please try again later."));
  const unauthorized = authenticate(ctx.request, apiKey);
  if (unauthorized) return respond(unauthorized);
  return respond(dispatch(ctx));
}
