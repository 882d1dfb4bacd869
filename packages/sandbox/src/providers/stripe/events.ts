import type { SandboxClock } from "../../clock";
import type { WebhookOutbox } from "../../webhook-outbox";
import { STRIPE_SANDBOX_API_VERSION } from "./fixtures";
import { newId } from "./ids";
import type { EmitOptions, EventType } from "./runtime";
import type { StripeEvent, StripeStore } from "./store";
import { deliverEvent, endpointWants } from "./webhooks";

/**
 * Records an event (listed at `/v1/events`) and sends it to every enabled endpoint that wants
 * its type. The object is copied so later changes do not leak into the event.
 */
export function createEmitter(deps: { store: () => StripeStore; clock: SandboxClock; outbox: WebhookOutbox }) {
  return (type: EventType, object: unknown, options: EmitOptions = {}): StripeEvent => {
    const store = deps.store();
    const endpoints = [...store.webhookEndpoints.values()].filter((endpoint) => endpointWants(endpoint, type));
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: STRIPE_SANDBOX_API_VERSION,
      created: Math.floor(deps.clock.nowMs() / 1000),
      data: {
        object: structuredClone(object),
        ...(options.previous ? { previous_attributes: structuredClone(options.previous) } : {}),
      },
      livemode: false,
      pending_webhooks: endpoints.length,
      request: options.request ?? { id: null, idempotency_key: null },
      type,
    };
    store.events.set(event.id, event);
    for (const endpoint of endpoints) deliverEvent(deps.outbox, endpoint, event);
    return event;
  };
}
