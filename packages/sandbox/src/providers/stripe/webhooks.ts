import { createHmac } from "node:crypto";
import type { WebhookOutbox } from "../../webhook-outbox";
import type { StripeEvent, WebhookEndpoint } from "./store";

/** `t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, the secret used as-is. */
export function stripeSignatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export function endpointWants(endpoint: WebhookEndpoint, type: string): boolean {
  return (
    endpoint.status === "enabled" && (endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type))
  );
}

/**
 * POSTs the event to one endpoint through the shared outbox, which retries; each attempt is
 * signed afresh with its own timestamp, as Stripe does.
 */
export function deliverEvent(outbox: WebhookOutbox, endpoint: WebhookEndpoint, event: StripeEvent): void {
  // Stripe sends pretty-printed JSON; receivers must verify the bytes as received.
  const body = JSON.stringify(event, null, 2);
  outbox.send({
    provider: "stripe",
    event: event.type,
    url: endpoint.url,
    body,
    headers: ({ now }) => ({
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "Stripe-Signature": stripeSignatureHeader(endpoint.secret, body, now),
    }),
  });
}
