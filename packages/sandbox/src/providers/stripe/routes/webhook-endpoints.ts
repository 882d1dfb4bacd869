import { stripeErrors } from "../errors";
import { newId, newSecret } from "../ids";
import { LIST_PARAMS, paginate } from "../pagination";
import type { FormReader } from "../params";
import { renderWebhookEndpoint } from "../render";
import type { Route } from "../router";
import { nowSeconds, type RouteContext, type StripeRuntime } from "../runtime";
import { newestFirst, type WebhookEndpoint } from "../store";

/** Stripe's cap on endpoints per account (per mode). */
const MAX_ENDPOINTS = 16;
const EVENT_NAME = /^[a-z_]+(\.[a-z_]+)+$/;

function readUrl(form: FormReader): string | undefined {
  const url = form.string("url");
  if (url == null) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw stripeErrors.invalid("url", `Invalid URL: ${url}`, "url_invalid");
  }
  // Real Stripe wants public https; the sandbox must reach local receivers over plain http too.
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw stripeErrors.invalid("url", `Invalid URL: ${url}. The URL must use http or https.`, "url_invalid");
  return url;
}

function readEnabledEvents(form: FormReader): string[] | undefined {
  const events = form.strings("enabled_events");
  events?.forEach((event, index) => {
    if (event !== "*" && !EVENT_NAME.test(event))
      throw stripeErrors.invalid(
        `enabled_events[${index}]`,
        `Invalid enabled_events[${index}]: ${event} is not an event type.`,
      );
  });
  if (events && events.length === 0)
    throw stripeErrors.invalid("enabled_events", "enabled_events must name at least one event type, or `*`.");
  return events;
}

function getEndpoint(rt: StripeRuntime, id: string): WebhookEndpoint {
  const endpoint = rt.store.webhookEndpoints.get(id);
  if (!endpoint) throw stripeErrors.noSuch("webhook_endpoint", id);
  return endpoint;
}

function create({ rt, form }: RouteContext) {
  form.allowOnly(["api_version", "connect", "description", "enabled_events", "metadata", "url"]);
  const url = readUrl(form);
  if (!url) throw stripeErrors.missingParam("url");
  const enabledEvents = readEnabledEvents(form);
  if (!enabledEvents) throw stripeErrors.missingParam("enabled_events");
  if (rt.store.webhookEndpoints.size >= MAX_ENDPOINTS)
    throw stripeErrors.invalid("url", `You have reached the maximum of ${MAX_ENDPOINTS} test webhook endpoints.`);
  const endpoint: WebhookEndpoint = {
    id: newId("we"),
    object: "webhook_endpoint",
    api_version: form.string("api_version") ?? null,
    application: null,
    created: nowSeconds(rt),
    description: form.string("description") ?? null,
    enabled_events: enabledEvents,
    livemode: false,
    metadata: form.metadata("metadata") ?? {},
    secret: newSecret("whsec"),
    status: "enabled",
    url,
  };
  rt.store.webhookEndpoints.set(endpoint.id, endpoint);
  return renderWebhookEndpoint(endpoint, { withSecret: true });
}

function update({ rt, form, pathParams }: RouteContext) {
  form.allowOnly(["description", "disabled", "enabled_events", "metadata", "url"]);
  const endpoint = getEndpoint(rt, pathParams.id ?? "");
  const url = readUrl(form);
  const enabledEvents = readEnabledEvents(form);
  const disabled = form.bool("disabled");
  const description = form.string("description");
  const metadata = form.metadata("metadata", endpoint.metadata);
  if (url) endpoint.url = url;
  if (enabledEvents) endpoint.enabled_events = enabledEvents;
  if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
  if (description !== undefined) endpoint.description = description;
  if (metadata) endpoint.metadata = metadata;
  return renderWebhookEndpoint(endpoint);
}

function remove({ rt, pathParams }: RouteContext) {
  const endpoint = getEndpoint(rt, pathParams.id ?? "");
  rt.store.webhookEndpoints.delete(endpoint.id);
  return { id: endpoint.id, object: "webhook_endpoint", deleted: true };
}

function list({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS]);
  return paginate(newestFirst(rt.store.webhookEndpoints), form, {
    url: "/v1/webhook_endpoints",
    kind: "webhook_endpoint",
    render: (endpoint) => renderWebhookEndpoint(endpoint),
  });
}

export const webhookEndpointRoutes: Route[] = [
  { method: "POST", path: "/v1/webhook_endpoints", handle: create },
  { method: "GET", path: "/v1/webhook_endpoints", handle: list },
  {
    method: "GET",
    path: "/v1/webhook_endpoints/:id",
    handle: ({ rt, pathParams }) => renderWebhookEndpoint(getEndpoint(rt, pathParams.id ?? "")),
  },
  { method: "POST", path: "/v1/webhook_endpoints/:id", handle: update },
  { method: "DELETE", path: "/v1/webhook_endpoints/:id", handle: remove },
];
