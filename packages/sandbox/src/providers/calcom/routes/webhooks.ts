import { randomUUID } from "node:crypto";
import { type CalcomFailure, failure } from "../errors";
import { CALCOM_SANDBOX_ORGANIZER, CALCOM_WEBHOOK_VERSION } from "../fixtures";
import type { WebhookSubscription } from "../types";
import { ZCreateWebhookInput, ZUpdateWebhookInput } from "../validation";
import { isFailure, type RouteContext, type RouteResult, readBody, success } from "./context";

/** What `/v2/webhooks` returns: the stored webhook with `eventTriggers` renamed `triggers`, secret included. */
export function toWebhookOutput(webhook: WebhookSubscription) {
  return {
    id: webhook.id,
    userId: webhook.userId,
    subscriberUrl: webhook.subscriberUrl,
    triggers: webhook.triggers,
    active: webhook.active,
    payloadTemplate: webhook.payloadTemplate,
    payloadVersion: webhook.payloadVersion,
    ...(webhook.secret ? { secret: webhook.secret } : {}),
  };
}

const duplicateUrl = () =>
  failure("ConflictException", "Webhook with this subscriber url already exists for this user");

function findWebhook(ctx: RouteContext, id: string): WebhookSubscription | CalcomFailure {
  return (
    ctx.store.webhooks.find((webhook) => webhook.id === id) ?? failure("NotFoundException", `Webhook (${id}) not found`)
  );
}

export function createWebhook(ctx: RouteContext): RouteResult {
  const parsed = readBody(ctx, ZCreateWebhookInput);
  if (!parsed.ok) return parsed.failure;
  const body = parsed.value;
  if (body.triggers.includes("DELEGATION_CREDENTIAL_ERROR"))
    return failure(
      "BadRequestException",
      "DELEGATION_CREDENTIAL_ERROR trigger is only available for organization webhooks",
    );
  if (ctx.store.webhooks.some((webhook) => webhook.subscriberUrl === body.subscriberUrl)) return duplicateUrl();
  const webhook: WebhookSubscription = {
    id: randomUUID(),
    userId: CALCOM_SANDBOX_ORGANIZER.id,
    subscriberUrl: body.subscriberUrl,
    triggers: body.triggers,
    active: body.active ?? true,
    payloadTemplate: body.payloadTemplate ?? null,
    payloadVersion: body.payloadVersion ?? body.version ?? CALCOM_WEBHOOK_VERSION,
    secret: body.secret ?? null,
    createdAt: ctx.clock.now(),
  };
  ctx.store.webhooks.push(webhook);
  return success(201, toWebhookOutput(webhook));
}

export function listWebhooks(ctx: RouteContext): RouteResult {
  const skip = Math.max(0, Number.parseInt(ctx.request.query.get("skip") ?? "0", 10) || 0);
  const take = Math.max(1, Number.parseInt(ctx.request.query.get("take") ?? "250", 10) || 250);
  return success(200, ctx.store.webhooks.slice(skip, skip + take).map(toWebhookOutput));
}

export function getWebhook(ctx: RouteContext, id: string): RouteResult {
  const webhook = findWebhook(ctx, id);
  return isFailure(webhook) ? webhook : success(200, toWebhookOutput(webhook));
}

export function updateWebhook(ctx: RouteContext, id: string): RouteResult {
  const webhook = findWebhook(ctx, id);
  if (isFailure(webhook)) return webhook;
  const parsed = readBody(ctx, ZUpdateWebhookInput);
  if (!parsed.ok) return parsed.failure;
  const body = parsed.value;
  if (
    body.subscriberUrl !== undefined &&
    ctx.store.webhooks.some((other) => other.id !== id && other.subscriberUrl === body.subscriberUrl)
  )
    return duplicateUrl();
  if (body.subscriberUrl !== undefined) webhook.subscriberUrl = body.subscriberUrl;
  if (body.triggers !== undefined) webhook.triggers = body.triggers;
  if (body.active !== undefined) webhook.active = body.active;
  if (body.secret !== undefined) webhook.secret = body.secret;
  if (body.payloadTemplate !== undefined) webhook.payloadTemplate = body.payloadTemplate;
  return success(200, toWebhookOutput(webhook));
}

export function deleteWebhook(ctx: RouteContext, id: string): RouteResult {
  const webhook = findWebhook(ctx, id);
  if (isFailure(webhook)) return webhook;
  ctx.store.webhooks = ctx.store.webhooks.filter((other) => other.id !== id);
  return success(200, toWebhookOutput(webhook));
}
