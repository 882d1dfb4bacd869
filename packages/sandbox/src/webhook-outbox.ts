import { randomUUID } from "node:crypto";
import type { SandboxClock } from "./clock";

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or undefined when the connection failed. */
  status?: number;
  error?: string;
}

export interface OutgoingWebhook {
  id: string;
  provider: string;
  /** The provider's own event type, e.g. `BOOKING_CREATED` or `invoice.paid`. */
  event: string;
  url: string;
  body: string;
  status: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
}

export interface WebhookToSend {
  provider: string;
  event: string;
  url: string;
  /** The exact bytes to POST. */
  body: string;
  /**
   * Headers for one attempt, computed at send time so timestamped signatures (Stripe, HubSpot)
   * are fresh on every retry, as the real providers do. `attempt` counts from 0.
   */
  headers: (context: { now: Date; attempt: number }) => Record<string, string>;
}

export interface WebhookOutboxOptions {
  clock: SandboxClock;
  /** Total attempts per delivery, the first included. */
  maxAttempts?: number;
  /** Delay before retry n (1-based); real providers wait minutes, the emulator compresses that. */
  retryDelayMs?: (retry: number) => number;
  timeoutMs?: number;
}

/**
 * Outgoing webhooks of every emulator: POSTed in the background, retried on a connection error
 * or a non-2xx answer, and kept so tests and the CLI can list, await and resend them.
 */
export class WebhookOutbox {
  private readonly deliveries: OutgoingWebhook[] = [];
  private readonly requests = new Map<string, WebhookToSend>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (retry: number) => number;
  private readonly timeoutMs: number;
  private generation = 0;

  constructor(private readonly options: WebhookOutboxOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? ((retry) => 100 * 2 ** (retry - 1));
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  send(webhook: WebhookToSend): OutgoingWebhook {
    const delivery: OutgoingWebhook = {
      id: `whd_${randomUUID()}`,
      provider: webhook.provider,
      event: webhook.event,
      url: webhook.url,
      body: webhook.body,
      status: "pending",
      attempts: [],
    };
    this.deliveries.push(delivery);
    this.requests.set(delivery.id, webhook);
    this.track(this.deliver(delivery, webhook, this.generation));
    return delivery;
  }

  /** Sends a delivery again as a new delivery (the provider's "resend event"). */
  resend(id: string): OutgoingWebhook | undefined {
    const webhook = this.requests.get(id);
    return webhook ? this.send(webhook) : undefined;
  }

  list(provider?: string): readonly OutgoingWebhook[] {
    return provider ? this.deliveries.filter((delivery) => delivery.provider === provider) : this.deliveries;
  }

  /** Resolves once every delivery started so far has succeeded or used up its attempts. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  reset(): void {
    this.generation += 1;
    this.deliveries.length = 0;
    this.requests.clear();
  }

  private track(promise: Promise<void>) {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(delivery: OutgoingWebhook, webhook: WebhookToSend, generation: number): Promise<void> {
    for (let attempt = 0; attempt < this.maxAttempts; attempt += 1) {
      if (generation !== this.generation) return;
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs(attempt)));
      const now = this.options.clock.now();
      const record: DeliveryAttempt = { at: now.toISOString() };
      try {
        const response = await fetch(webhook.url, {
          method: "POST",
          body: webhook.body,
          headers: { "content-type": "application/json", ...webhook.headers({ now, attempt }) },
          redirect: "manual",
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.arrayBuffer();
        record.status = response.status;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      delivery.attempts.push(record);
      if (record.status !== undefined && record.status >= 200 && record.status < 300) {
        delivery.status = "delivered";
        return;
      }
    }
    delivery.status = "failed";
  }
}
