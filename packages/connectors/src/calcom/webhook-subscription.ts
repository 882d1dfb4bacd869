import {
  ConnectorError,
  type HttpClient,
  type JsonValue,
  type WebhookSubscribeContext,
  type WebhookSubscription,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { createCalcomClient } from "./client";
import type { BookingTriggerEvent } from "./webhook-envelope";

/** The only payload version Cal.com has; pinned so a future default cannot change the body under us. */
export const WEBHOOK_PAYLOAD_VERSION = "2021-10-20";

const PAGE_SIZE = 250;
const MAX_PAGES = 20;

const ZWebhook = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  subscriberUrl: z.string(),
});
const ZWebhookResponse = z.object({ data: ZWebhook });
const ZWebhookList = z.object({ data: z.array(ZWebhook) });

export const ZSubscriptionState = z.object({ webhookId: z.string().min(1) });

function read<T>(schema: z.ZodType<T>, body: JsonValue, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ConnectorError({ code: "unknown", message: `Cal.com answered ${what} with an unexpected body` });
}

async function findWebhookByUrl(client: HttpClient, subscriberUrl: string) {
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.request({
      method: "GET",
      path: "/v2/webhooks",
      query: { take: PAGE_SIZE, skip: page * PAGE_SIZE },
    });
    const { data } = read(ZWebhookList, response.body, "the webhooks list");
    const found = data.find((webhook) => webhook.subscriberUrl === subscriberUrl);
    if (found || data.length < PAGE_SIZE) return found;
  }
  return undefined;
}

/**
 * Registers the flow's hook URL for one booking trigger, signed with the hook's secret. Cal.com
 * allows one webhook per subscriber URL, so a 409 means an earlier publish already registered it
 * (its removal failed, or a retried publish): that webhook is taken over rather than failing.
 */
export async function subscribeBookingWebhook(
  ctx: WebhookSubscribeContext<unknown>,
  triggerEvent: BookingTriggerEvent,
): Promise<WebhookSubscription> {
  const client = createCalcomClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const settings = { triggers: [triggerEvent], secret: ctx.hookSecret, active: true };
  const created = await client.request({
    method: "POST",
    path: "/v2/webhooks",
    json: { subscriberUrl: ctx.hookUrl, ...settings, payloadVersion: WEBHOOK_PAYLOAD_VERSION },
    accept: [409],
  });
  if (created.status !== 409) {
    const webhookId = read(ZWebhookResponse, created.body, "the new webhook").data.id;
    ctx.log("Cal.com webhook created", { webhookId, triggerEvent });
    return { state: { webhookId } };
  }
  const existing = await findWebhookByUrl(client, ctx.hookUrl);
  if (!existing) {
    throw new ConnectorError({
      code: "conflict",
      message: "Cal.com refused the webhook as a duplicate of one this account cannot list; remove it in Cal.com",
    });
  }
  await client.request({ method: "PATCH", path: `/v2/webhooks/${encodeURIComponent(existing.id)}`, json: settings });
  ctx.log("Cal.com webhook taken over", { webhookId: existing.id, triggerEvent });
  return { state: { webhookId: existing.id } };
}

/** Removes the webhook; one Cal.com no longer has (404) is already what we want. */
export async function unsubscribeBookingWebhook(ctx: WebhookSubscribeContext<unknown> & { state: JsonValue }) {
  const state = ZSubscriptionState.safeParse(ctx.state);
  if (!state.success) {
    throw new ConnectorError({ code: "validation", message: "the subscription has no Cal.com webhook id to remove" });
  }
  const client = createCalcomClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const { webhookId } = state.data;
  const response = await client.request({
    method: "DELETE",
    path: `/v2/webhooks/${encodeURIComponent(webhookId)}`,
    accept: [404],
  });
  ctx.log(response.status === 404 ? "Cal.com webhook was already gone" : "Cal.com webhook removed", { webhookId });
}
