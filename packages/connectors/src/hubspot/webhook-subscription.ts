import {
  type ActionConnection,
  ConnectorError,
  type HttpClient,
  type JsonValue,
  type WebhookSubscribeContext,
  type WebhookSubscription,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";

/** What a trigger subscribes to: `contact.creation`, or `deal.propertyChange` of `dealstage`. */
export interface HubspotEventSubscription {
  eventType: string;
  propertyName?: string;
}

const ZSubscription = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  eventType: z.string(),
  propertyName: z.string().optional(),
  active: z.boolean().optional(),
});
const ZSubscriptionList = z.object({ results: z.array(ZSubscription) });
const ZTokenInfo = z.object({ app_id: z.union([z.number(), z.string()]).transform(String) });

export const ZSubscriptionState = z.object({ appId: z.string().min(1), subscriptionId: z.string().min(1) });

/** How many deliveries HubSpot may have in flight to the hook at once. */
const MAX_CONCURRENT_REQUESTS = 10;

function missingCredential(name: string, what: string): ConnectorError {
  return new ConnectorError({
    code: "auth",
    message: `the HubSpot connection has no ${name} (${what}); add it to the connection to use HubSpot triggers`,
  });
}

function credential(connection: ActionConnection, name: string, what: string): string {
  const value = connection.credentials[name]?.trim();
  if (value) return value;
  throw missingCredential(name, what);
}

/**
 * HubSpot signs deliveries with the app's client secret: OAuth connections hold it already, a
 * private-app connection needs it added (the private app's own client secret).
 */
export function signingSecretOf(connection: ActionConnection): string {
  return credential(connection, "clientSecret", "the app's client secret, which HubSpot signs webhooks with");
}

function read<T>(schema: z.ZodType<T>, body: JsonValue, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ConnectorError({ code: "unknown", message: `HubSpot answered ${what} with an unexpected body` });
}

/** The `appId` credential, or for an OAuth connection the app its access token was issued to. */
async function resolveAppId(connection: ActionConnection, client: HttpClient): Promise<string> {
  const configured = connection.credentials.appId?.trim();
  if (configured) return configured;
  const token = /^Bearer\s+(\S+)$/i.exec((await connection.authHeaders()).authorization ?? "")?.[1];
  // Private-app tokens are not OAuth access tokens: HubSpot answers 404 for them.
  const info = token
    ? await client.request({
        method: "GET",
        path: `/oauth/v1/access-tokens/${encodeURIComponent(token)}`,
        accept: [404],
      })
    : undefined;
  if (!info || info.status === 404) throw missingCredential("appId", "the public app's id, for its webhooks API");
  return read(ZTokenInfo, info.body, "the access-token info").app_id;
}

function developerApi(ctx: WebhookSubscribeContext<unknown>) {
  const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log, unauthenticated: true });
  const hapikey = credential(ctx.connection, "developerApiKey", "the developer account's API key");
  return { client, query: { hapikey } };
}

async function findSubscription(
  ctx: WebhookSubscribeContext<unknown>,
  appId: string,
  wanted: HubspotEventSubscription,
) {
  const { client, query } = developerApi(ctx);
  const response = await client.request({ method: "GET", path: `/webhooks/v3/${appId}/subscriptions`, query });
  return read(ZSubscriptionList, response.body, "the subscriptions list").results.find(
    (subscription) =>
      subscription.eventType === wanted.eventType && (subscription.propertyName ?? undefined) === wanted.propertyName,
  );
}

/**
 * Points the app's webhook target at Handoff's shared endpoint for this app and makes sure the
 * event subscription is active. Both are app-wide in HubSpot (one target URL per app, one
 * subscription per event type): Handoff fans each delivery out to every flow subscribed through
 * the app, and an existing subscription is reused rather than refused as a duplicate.
 */
export async function subscribeHubspotEvent(
  ctx: WebhookSubscribeContext<unknown>,
  wanted: HubspotEventSubscription,
): Promise<WebhookSubscription> {
  const signingSecret = signingSecretOf(ctx.connection);
  const { client, query } = developerApi(ctx);
  const appId = await resolveAppId(ctx.connection, client);
  const base = `/webhooks/v3/${encodeURIComponent(appId)}`;
  await client.request({
    method: "PUT",
    path: `${base}/settings`,
    query,
    json: {
      targetUrl: ctx.appHookUrl(appKeyOf(appId)),
      throttling: { maxConcurrentRequests: MAX_CONCURRENT_REQUESTS, period: "SECONDLY" },
    },
  });
  const existing = await findSubscription(ctx, appId, wanted);
  if (existing) {
    if (existing.active === false) {
      await client.request({
        method: "PATCH",
        path: `${base}/subscriptions/${existing.id}`,
        query,
        json: { active: true },
      });
    }
    ctx.log("HubSpot subscription reused", { appId, subscriptionId: existing.id, eventType: wanted.eventType });
    return { state: { appId, subscriptionId: existing.id }, signingSecret, appKey: appKeyOf(appId) };
  }
  const created = await client.request({
    method: "POST",
    path: `${base}/subscriptions`,
    query,
    json: { ...wanted, active: true },
    accept: [409],
  });
  if (created.status === 409) {
    // Another publish created it between our list and our create.
    const raced = await findSubscription(ctx, appId, wanted);
    if (raced) return { state: { appId, subscriptionId: raced.id }, signingSecret, appKey: appKeyOf(appId) };
    throw new ConnectorError({
      code: "conflict",
      message: "HubSpot refused the subscription as a duplicate it does not list",
    });
  }
  const subscriptionId = read(ZSubscription, created.body, "the new subscription").id;
  ctx.log("HubSpot subscription created", { appId, subscriptionId, eventType: wanted.eventType });
  return { state: { appId, subscriptionId }, signingSecret, appKey: appKeyOf(appId) };
}

/** The shared endpoint's key: one per HubSpot app. */
export function appKeyOf(appId: string): string {
  return `hubspot-${appId}`;
}

/**
 * Deletes the event subscription; one HubSpot no longer has (404) is already what we want. The
 * app's target URL is left as it is: it is shared by every subscription of the app. Handoff only
 * calls this when no other flow still uses the same subscription.
 */
export async function unsubscribeHubspotEvent(ctx: WebhookSubscribeContext<unknown> & { state: JsonValue }) {
  const state = ZSubscriptionState.safeParse(ctx.state);
  if (!state.success) {
    throw new ConnectorError({
      code: "validation",
      message: "the subscription has no HubSpot subscription id to remove",
    });
  }
  const { appId, subscriptionId } = state.data;
  const { client, query } = developerApi(ctx);
  const response = await client.request({
    method: "DELETE",
    path: `/webhooks/v3/${encodeURIComponent(appId)}/subscriptions/${encodeURIComponent(subscriptionId)}`,
    query,
    accept: [404],
  });
  ctx.log(response.status === 404 ? "HubSpot subscription already gone" : "HubSpot subscription deleted", {
    appId,
    subscriptionId,
  });
}
