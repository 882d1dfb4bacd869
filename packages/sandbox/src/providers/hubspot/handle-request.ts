import { randomUUID } from "node:crypto";
import type { SandboxRequest, SandboxResponse } from "../../types";
import type { ApiCall, HubspotRuntime } from "./context";
import { CORRELATION_HEADER, HubspotApiError, invalidAuthentication } from "./errors";
import { HUBSPOT_SANDBOX_DEVELOPER_API_KEY } from "./fixtures";
import { matchRoute, type Route } from "./router";
import { associationRoutes } from "./routes/associations";
import { batchRoutes } from "./routes/batch";
import { oauthRoutes } from "./routes/oauth";
import { objectRoutes } from "./routes/objects";
import { pipelineRoutes } from "./routes/pipelines";
import { webhookSettingsRoutes } from "./routes/webhook-settings";

const API_ROUTES: Route<ApiCall>[] = [...batchRoutes, ...objectRoutes, ...associationRoutes, ...pipelineRoutes];

const INVALID_API_KEY =
  "The API key provided is invalid. View or manage your API key here: https://app.hubspot.com/l/api-key/";

/**
 * Every call to the emulator: OAuth endpoints answer unauthenticated; the developer webhooks API
 * takes `?hapikey=`; the CRM API takes a bearer token, counts against the rate limit and carries
 * the rate-limit and correlation headers on every answer, errors included.
 */
export async function handleRequest(runtime: HubspotRuntime, request: SandboxRequest): Promise<SandboxResponse> {
  const correlationId = randomUUID();
  const path = normalizePath(request.path);
  let rateHeaders: Record<string, string> = {};
  try {
    if (path.startsWith("/oauth/")) return await dispatch(oauthRoutes, { request, runtime }, request.method, path);
    if (path.startsWith("/webhooks/v3/")) {
      const key = request.query.get("hapikey");
      if (!key) throw invalidAuthentication();
      if (key !== HUBSPOT_SANDBOX_DEVELOPER_API_KEY) throw invalidAuthentication(INVALID_API_KEY);
      rateHeaders = runtime.rateLimiter.consume({ key: `hapikey:${key}`, daily: true }, "api");
      const response = await dispatch(webhookSettingsRoutes, { request, runtime }, request.method, path);
      return withHeaders(response, { ...rateHeaders, [CORRELATION_HEADER]: correlationId });
    }
    rateHeaders = runtime.rateLimiter.peek();
    const grant = runtime.oauth.authenticate(request.headers, runtime.clock.nowMs());
    rateHeaders = runtime.rateLimiter.consume(grant.rateLimit, path.endsWith("/search") ? "search" : "api");
    const response = await dispatch(API_ROUTES, { request, grant, runtime }, request.method, path);
    return withHeaders(response, { ...rateHeaders, [CORRELATION_HEADER]: correlationId });
  } catch (error) {
    if (!(error instanceof HubspotApiError)) throw error;
    const response = error.toResponse(correlationId);
    return { ...response, headers: { ...rateHeaders, ...response.headers } };
  } finally {
    runtime.webhooks.flush();
  }
}

async function dispatch<TContext>(
  routes: readonly Route<TContext>[],
  context: TContext,
  method: string,
  path: string,
): Promise<SandboxResponse> {
  const matched = matchRoute(routes, method, path);
  if (!matched) throw new HubspotApiError(404, "OBJECT_NOT_FOUND", `No route for ${method} ${path}`);
  return matched.route.handle(context, matched.params);
}

/** Date-versioned paths (`/crm/objects/2026-03/contacts`) are served like `/crm/v3/objects/contacts`. */
function normalizePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed.replace(/^\/crm\/objects\/\d{4}-\d{2}(?:-beta)?\//, "/crm/v3/objects/");
}

function withHeaders(response: SandboxResponse, headers: Record<string, string>): SandboxResponse {
  return { ...response, headers: { ...headers, ...response.headers } };
}
