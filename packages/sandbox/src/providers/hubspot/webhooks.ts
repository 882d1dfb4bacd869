import { createHmac } from "node:crypto";
import type { SandboxClock } from "../../clock";
import type { WebhookOutbox } from "../../webhook-outbox";
import { HUBSPOT_SANDBOX_USER_ID } from "./fixtures";
import type { HubspotStore } from "./store";

/** Who made a change: `CRM_UI` for scripted user actions, `API` for calls to the emulator. */
export type ChangeSource = "API" | "CRM_UI";

export interface CrmChange {
  /** `contact`, `deal`: the prefix of the subscription type. */
  objectName: string;
  kind: "creation" | "deletion" | "propertyChange";
  objectId: string;
  propertyName?: string;
  propertyValue?: string;
  source: ChangeSource;
}

export interface HubspotWebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
  changeFlag?: string;
  changeSource: ChangeSource;
  sourceId?: string;
}

export interface HubspotWebhooksOptions {
  store: HubspotStore;
  clock: SandboxClock;
  outbox: WebhookOutbox;
  portalId: number;
  appId: number;
  clientSecret: string;
  /** Events per POST; HubSpot batches up to about 100. */
  batchSize: number;
}

const CHANGE_FLAGS: Partial<Record<CrmChange["kind"], string>> = { creation: "CREATED", deletion: "DELETED" };

/**
 * Turns CRM changes into HubSpot webhook events for the app's active subscriptions. Events of one
 * API call or scripted action are collected, then POSTed together as one JSON array by `flush`.
 */
export class HubspotWebhooks {
  private pending: HubspotWebhookEvent[] = [];

  constructor(private readonly options: HubspotWebhooksOptions) {}

  record(change: CrmChange): void {
    const { store, clock } = this.options;
    if (!store.webhookSettings) return;
    const subscriptionType = `${change.objectName}.${change.kind}`;
    for (const subscription of store.subscriptions) {
      if (!subscription.active || subscription.eventType !== subscriptionType) continue;
      if (change.kind === "propertyChange" && subscription.propertyName !== change.propertyName) continue;
      const flag = CHANGE_FLAGS[change.kind];
      this.pending.push({
        eventId: store.newEventId(),
        subscriptionId: subscription.id,
        portalId: this.options.portalId,
        appId: this.options.appId,
        occurredAt: clock.nowMs(),
        subscriptionType,
        attemptNumber: 0,
        objectId: Number(change.objectId),
        ...(change.kind === "propertyChange"
          ? { propertyName: change.propertyName, propertyValue: change.propertyValue ?? "" }
          : {}),
        ...(flag ? { changeFlag: flag } : {}),
        changeSource: change.source,
        ...(change.source === "CRM_UI" ? { sourceId: `userId:${HUBSPOT_SANDBOX_USER_ID}` } : {}),
      });
    }
  }

  flush(): void {
    const events = this.pending;
    this.pending = [];
    const targetUrl = this.options.store.webhookSettings?.targetUrl;
    if (!targetUrl || events.length === 0) return;
    for (let start = 0; start < events.length; start += this.options.batchSize) {
      const batch = events.slice(start, start + this.options.batchSize);
      const body = JSON.stringify(batch);
      this.options.outbox.send({
        provider: "hubspot",
        event: [...new Set(batch.map((event) => event.subscriptionType))].join(","),
        url: targetUrl,
        body,
        headers: ({ now }) => signatureHeaders(this.options.clientSecret, targetUrl, body, now.getTime()),
      });
    }
  }

  discard(): void {
    this.pending = [];
  }
}

/** HubSpot's v3 request signature, fresh per attempt because the timestamp is part of it. */
export function signatureHeaders(
  clientSecret: string,
  targetUrl: string,
  body: string,
  timestampMs: number,
): Record<string, string> {
  const timestamp = String(timestampMs);
  const source = `POST${decodeSignedUri(targetUrl)}${body}${timestamp}`;
  return {
    "X-HubSpot-Signature-v3": createHmac("sha256", clientSecret).update(source, "utf8").digest("base64"),
    "X-HubSpot-Signature-Version": "v3",
    "X-HubSpot-Request-Timestamp": timestamp,
  };
}

const DECODED_ESCAPES: Record<string, string> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};

/** HubSpot hashes the URI with these escapes decoded (its docs list them; others stay encoded). */
export function decodeSignedUri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (encoded) => DECODED_ESCAPES[encoded.toUpperCase()] ?? encoded,
  );
}
