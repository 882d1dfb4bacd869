import { randomUUID } from "node:crypto";
import {
  ConnectorError,
  type HttpClient,
  isJsonObject,
  type JsonValue,
  type WebhookSubscribeContext,
  type WebhookSubscription,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, readStripe, STRIPE_API_VERSION, stripePath } from "./client";
import { ZList } from "./stripe-objects";

const PAGE_LIMIT = 100;
/** Stripe allows 16 endpoints per account and mode: a few pages is always all of them. */
const MAX_PAGES = 5;

const ZEndpoint = z.looseObject({ id: z.string().min(1), url: z.string() });
const ZCreatedEndpoint = ZEndpoint.extend({ secret: z.string().startsWith("whsec_") });

export const ZSubscriptionState = z.object({ endpointId: z.string().min(1) });

async function endpointsAt(client: HttpClient, url: string): Promise<string[]> {
  const ids: string[] = [];
  let startingAfter: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.request({
      method: "GET",
      path: "/v1/webhook_endpoints",
      query: { limit: PAGE_LIMIT, starting_after: startingAfter },
    });
    const list = readStripe(ZList, response.body, "the webhook endpoints list");
    for (const item of list.data) {
      if (isJsonObject(item) && item.url === url && typeof item.id === "string") ids.push(item.id);
    }
    const last = list.data.at(-1);
    if (!list.has_more || !isJsonObject(last) || typeof last.id !== "string") break;
    startingAfter = last.id;
  }
  return ids;
}

async function deleteEndpoint(client: HttpClient, endpointId: string): Promise<boolean> {
  const response = await client.request({
    method: "DELETE",
    path: stripePath("/v1/webhook_endpoints/{id}", endpointId),
    accept: [404],
  });
  return response.status !== 404;
}

/**
 * Registers the flow's hook URL for the trigger's event types. Stripe picks the signing secret
 * and shows it only in this answer, so an endpoint left at the same URL by an earlier publish
 * (a failed removal, a retried publish) cannot be taken over: it is removed, or its deliveries
 * would arrive signed with a secret Handoff never learnt. Events are rendered with the pinned
 * API version, whatever the account's default is.
 */
export async function subscribeInvoiceWebhook(
  ctx: WebhookSubscribeContext<unknown>,
  eventTypes: readonly string[],
): Promise<WebhookSubscription> {
  const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  for (const stale of await endpointsAt(client, ctx.hookUrl)) {
    await deleteEndpoint(client, stale);
    ctx.log("Stale Stripe webhook endpoint removed", { endpointId: stale });
  }
  const response = await client.request({
    method: "POST",
    path: "/v1/webhook_endpoints",
    form: {
      url: ctx.hookUrl,
      enabled_events: [...eventTypes],
      api_version: STRIPE_API_VERSION,
      description: "Handoff flow trigger",
    },
    // A new key each time: a key reused within 24 h would replay an endpoint already deleted.
    idempotencyKey: `handoff-subscribe:${randomUUID()}`,
  });
  const endpoint = readStripe(ZCreatedEndpoint, response.body, "the new webhook endpoint");
  ctx.log("Stripe webhook endpoint created", { endpointId: endpoint.id, eventTypes });
  return { state: { endpointId: endpoint.id }, signingSecret: endpoint.secret };
}

/** Removes the endpoint; one Stripe no longer has (404) is already what we want. */
export async function unsubscribeInvoiceWebhook(ctx: WebhookSubscribeContext<unknown> & { state: JsonValue }) {
  const state = ZSubscriptionState.safeParse(ctx.state);
  if (!state.success) {
    throw new ConnectorError({
      code: "validation",
      message: "the subscription has no Stripe webhook endpoint id to remove",
    });
  }
  const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const removed = await deleteEndpoint(client, state.data.endpointId);
  ctx.log(removed ? "Stripe webhook endpoint removed" : "Stripe webhook endpoint was already gone", state.data);
}
