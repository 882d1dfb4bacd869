import { createHmac } from "node:crypto";
import type { SandboxContext } from "../../types";
import { CALCOM_WEBHOOK_VERSION } from "./fixtures";
import type { BookingEvent, CalcomStore } from "./store";
import { buildBookingWebhookBody } from "./webhook-payload";

/** Cal.com's `createWebhookSignature`: hex HMAC-SHA256 of the raw body, no timestamp, no prefix. */
export function calcomSignature(secret: string | null, body: string): string {
  return secret ? createHmac("sha256", secret).update(body).digest("hex") : "no-secret-provided";
}

/** POSTs the event to every active subscription listing its trigger, one delivery per subscription. */
export function deliverBookingEvent(context: SandboxContext, store: CalcomStore, event: BookingEvent): void {
  const subscriptions = store.webhooks.filter((webhook) => webhook.active && webhook.triggers.includes(event.trigger));
  if (subscriptions.length === 0) return;
  const body = buildBookingWebhookBody(store, event, context.clock.now());
  for (const webhook of subscriptions) {
    // Signed with the secret the subscription had when the event happened, even if it changes later.
    const { secret } = webhook;
    context.outbox.send({
      provider: "calcom",
      event: event.trigger,
      url: webhook.subscriberUrl,
      body,
      headers: () => ({
        "X-Cal-Signature-256": calcomSignature(secret, body),
        "X-Cal-Webhook-Version": CALCOM_WEBHOOK_VERSION,
      }),
    });
  }
}
