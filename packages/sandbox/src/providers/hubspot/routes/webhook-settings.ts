import { z } from "zod";
import type { SandboxRequest } from "../../../types";
import { type HubspotRuntime, readJson } from "../context";
import { HubspotApiError, objectNotFound, validationError } from "../errors";
import { HUBSPOT_SANDBOX_APP_ID } from "../fixtures";
import { findObjectType, knownProperties } from "../object-types";
import { type Params, type Route, route } from "../router";
import type { WebhookSubscription } from "../store";

/** A call to the developer-account webhooks API, already checked for `?hapikey=`. */
export interface DeveloperCall {
  request: SandboxRequest;
  runtime: HubspotRuntime;
}

const EVENT_TYPES = [
  "contact.creation",
  "contact.deletion",
  "contact.propertyChange",
  "contact.merge",
  "contact.restore",
  "contact.associationChange",
  "contact.privacyDeletion",
  "deal.creation",
  "deal.deletion",
  "deal.propertyChange",
  "deal.merge",
  "deal.restore",
  "deal.associationChange",
] as const;

const ZSettings = z.object({
  targetUrl: z.url({ protocol: /^https?$/ }),
  throttling: z
    .object({
      maxConcurrentRequests: z.number().int().min(1),
      period: z.enum(["SECONDLY", "ROLLING_MINUTE"]).default("SECONDLY"),
    })
    .default({ maxConcurrentRequests: 10, period: "SECONDLY" }),
});
const ZSubscriptionCreate = z.object({
  eventType: z.enum(EVENT_TYPES),
  propertyName: z.string().min(1).optional(),
  active: z.boolean().default(false),
});
const ZSubscriptionPatch = z.object({ active: z.boolean() });
const ZSubscriptionBatch = z.object({
  inputs: z.array(z.object({ id: z.union([z.number(), z.string()]).transform(Number), active: z.boolean() })),
});

function checkApp(params: Params) {
  if (params.appId !== String(HUBSPOT_SANDBOX_APP_ID)) throw objectNotFound(`App ${params.appId} not found`);
}

function subscriptionBody({ propertyName, ...subscription }: WebhookSubscription) {
  return { ...subscription, id: String(subscription.id), ...(propertyName ? { propertyName } : {}) };
}

function findSubscription(call: DeveloperCall, params: Params): WebhookSubscription {
  checkApp(params);
  const subscription = call.runtime.store.subscriptions.find((candidate) => String(candidate.id) === params.id);
  if (!subscription) throw objectNotFound(`Subscription ${params.id} not found`);
  return subscription;
}

function putSettings(call: DeveloperCall, params: Params) {
  checkApp(params);
  const input = readJson(call.request, ZSettings);
  const now = call.runtime.clock.now().toISOString();
  const createdAt = call.runtime.store.webhookSettings?.createdAt ?? now;
  call.runtime.store.webhookSettings = { ...input, createdAt, updatedAt: now };
  return { status: 200, body: call.runtime.store.webhookSettings };
}

function createSubscription(call: DeveloperCall, params: Params) {
  checkApp(params);
  const input = readJson(call.request, ZSubscriptionCreate);
  const [objectName = "", kind] = input.eventType.split(".");
  const propertyName = kind === "propertyChange" ? input.propertyName : undefined;
  if (kind === "propertyChange") checkPropertyName(call, objectName, propertyName);
  const { store } = call.runtime;
  const duplicate = store.subscriptions.find(
    (subscription) => subscription.eventType === input.eventType && subscription.propertyName === propertyName,
  );
  if (duplicate)
    throw new HubspotApiError(409, "CONFLICT", `A subscription for ${input.eventType} already exists: ${duplicate.id}`);
  const now = call.runtime.clock.now().toISOString();
  const subscription: WebhookSubscription = {
    id: store.newSubscriptionId(),
    eventType: input.eventType,
    ...(propertyName ? { propertyName } : {}),
    active: input.active,
    createdAt: now,
    updatedAt: now,
  };
  store.subscriptions.push(subscription);
  return { status: 201, body: subscriptionBody(subscription) };
}

function checkPropertyName(call: DeveloperCall, objectName: string, propertyName: string | undefined) {
  if (!propertyName) throw validationError("propertyName is required for propertyChange subscriptions");
  const type = findObjectType(objectName);
  const custom = type ? (call.runtime.options.customProperties[type.name] ?? []) : [];
  if (type && !knownProperties(type).has(propertyName) && !custom.includes(propertyName))
    throw validationError(`Property ${propertyName} does not exist on ${objectName}`);
}

function batchUpdate(call: DeveloperCall, params: Params) {
  checkApp(params);
  const { inputs } = readJson(call.request, ZSubscriptionBatch);
  const now = call.runtime.clock.now().toISOString();
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const subscription = call.runtime.store.subscriptions.find((candidate) => candidate.id === input.id);
    if (!subscription) {
      missing.push(String(input.id));
      continue;
    }
    Object.assign(subscription, { active: input.active, updatedAt: now });
    results.push(subscriptionBody(subscription));
  }
  const body = { status: "COMPLETE", results, startedAt: now, completedAt: now };
  if (missing.length === 0) return { status: 200, body };
  const error = {
    status: "error",
    category: "SUBSCRIPTION_ID_NOT_FOUND",
    message: `Failed to find subscriptions by id \`${missing.join(", ")}\`.`,
    context: { subscriptionIds: missing },
  };
  return { status: 207, body: { ...body, numErrors: 1, errors: [error] } };
}

export const webhookSettingsRoutes: Route<DeveloperCall>[] = [
  route("GET", "/webhooks/v3/:appId/settings", (call, params) => {
    checkApp(params);
    const settings = call.runtime.store.webhookSettings;
    if (!settings) throw objectNotFound("No webhook settings exist for this app");
    return { status: 200, body: settings };
  }),
  route("PUT", "/webhooks/v3/:appId/settings", putSettings),
  route("DELETE", "/webhooks/v3/:appId/settings", (call, params) => {
    checkApp(params);
    // Subscriptions stay; without a target URL they are paused, as HubSpot documents.
    call.runtime.store.webhookSettings = undefined;
    return { status: 204 };
  }),
  route("GET", "/webhooks/v3/:appId/subscriptions", (call, params) => {
    checkApp(params);
    return { status: 200, body: { results: call.runtime.store.subscriptions.map(subscriptionBody) } };
  }),
  route("POST", "/webhooks/v3/:appId/subscriptions", createSubscription),
  route("POST", "/webhooks/v3/:appId/subscriptions/batch/update", batchUpdate),
  route("GET", "/webhooks/v3/:appId/subscriptions/:id", (call, params) => ({
    status: 200,
    body: subscriptionBody(findSubscription(call, params)),
  })),
  route("PATCH", "/webhooks/v3/:appId/subscriptions/:id", (call, params) => {
    const subscription = findSubscription(call, params);
    const { active } = readJson(call.request, ZSubscriptionPatch);
    Object.assign(subscription, { active, updatedAt: call.runtime.clock.now().toISOString() });
    return { status: 200, body: subscriptionBody(subscription) };
  }),
  route("DELETE", "/webhooks/v3/:appId/subscriptions/:id", (call, params) => {
    const subscription = findSubscription(call, params);
    const { store } = call.runtime;
    store.subscriptions = store.subscriptions.filter((candidate) => candidate !== subscription);
    return { status: 204 };
  }),
];
