import type { SandboxProviderFactory } from "../../types";
import { runAdminAction } from "./admin";
import { defaultAssociationTypeId } from "./associations";
import { OAuthStore } from "./auth";
import type { HubspotRuntime, HubspotSandboxOptions, ResolvedHubspotOptions } from "./context";
import { CrmService } from "./crm";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_CUSTOM_PROPERTIES,
  HUBSPOT_SANDBOX_PORTAL_ID,
} from "./fixtures";
import { handleRequest } from "./handle-request";
import { DEFAULT_RATE_LIMITS, RateLimiter } from "./rate-limit";
import { DEFAULT_SEARCH_LIMITS } from "./search";
import { toFullApiObject } from "./serialize";
import { HubspotStore } from "./store";
import { HubspotWebhooks } from "./webhooks";

export type { HubspotSandboxOptions } from "./context";
export * from "./fixtures";
export { decodeSignedUri, type HubspotWebhookEvent } from "./webhooks";

function resolveOptions(options: HubspotSandboxOptions): ResolvedHubspotOptions {
  return {
    rateLimit: { ...DEFAULT_RATE_LIMITS, ...options.rateLimit },
    searchIndexingLagMs: options.searchIndexingLagMs ?? 0,
    searchLimits: { ...DEFAULT_SEARCH_LIMITS, ...options.searchLimits },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1800,
    authorizationCodeTtlSeconds: options.authorizationCodeTtlSeconds ?? 600,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    customProperties: options.customProperties ?? HUBSPOT_SANDBOX_CUSTOM_PROPERTIES,
    redirectUris: options.redirectUris,
    webhookBatchSize: options.webhookBatchSize ?? 100,
  };
}

/** The HubSpot CRM v3 emulator, mounted at `/hubspot`. */
export function createHubspotSandbox(options: HubspotSandboxOptions = {}): SandboxProviderFactory {
  const resolved = resolveOptions(options);
  return (context) => {
    const store = new HubspotStore();
    const webhooks = new HubspotWebhooks({
      store,
      clock: context.clock,
      outbox: context.outbox,
      portalId: HUBSPOT_SANDBOX_PORTAL_ID,
      appId: HUBSPOT_SANDBOX_APP_ID,
      clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
      batchSize: resolved.webhookBatchSize,
    });
    const runtime: HubspotRuntime = {
      store,
      oauth: new OAuthStore(),
      webhooks,
      crm: new CrmService({
        store,
        clock: context.clock,
        webhooks,
        customProperties: resolved.customProperties,
        indexingLagMs: resolved.searchIndexingLagMs,
      }),
      rateLimiter: new RateLimiter(context.clock, resolved.rateLimit),
      clock: context.clock,
      options: resolved,
      apiBaseUrl: () => `${context.baseUrl()}/hubspot`,
    };
    return {
      key: "hubspot",
      handle: (request) => handleRequest(runtime, request),
      reset() {
        store.reset();
        runtime.oauth.reset();
        runtime.rateLimiter.reset();
        webhooks.discard();
      },
      state: () => hubspotState(runtime),
      admin(action, body) {
        try {
          return runAdminAction(runtime, action, body);
        } finally {
          webhooks.flush();
        }
      },
    };
  };
}

function hubspotState({ store }: HubspotRuntime) {
  return {
    contacts: store.ofType("contacts").map(toFullApiObject),
    deals: store.ofType("deals").map(toFullApiObject),
    tasks: store.ofType("tasks").map(toFullApiObject),
    notes: store.ofType("notes").map(toFullApiObject),
    associations: store.associations.map((association) => ({
      ...association,
      associationTypeId: defaultAssociationTypeId(association.fromType, association.toType),
    })),
    webhookSettings: store.webhookSettings ?? null,
    subscriptions: store.subscriptions.map(({ id, ...subscription }) => ({ id: String(id), ...subscription })),
  };
}
