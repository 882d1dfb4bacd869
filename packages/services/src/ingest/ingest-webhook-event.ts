import { createHash } from "node:crypto";
import type { SecretBox } from "@handoff/auth";
import { normalizeHeaders } from "@handoff/connector-sdk";
import { type Database, schema } from "@handoff/db";
import { type EventRecorder, eventRecorderFor } from "./event-recorder";
import { type HookTarget, loadVersionGraph } from "./find-hook-target";
import { headersForRecord } from "./headers-for-record";
import { hookTargetLookupFor } from "./hook-target-lookup";
import { publishedTrigger } from "./published-trigger";

export const DEFAULT_MAX_HOOK_BODY_BYTES = 1024 * 1024;

export interface IngestWebhookEventOptions {
  db: Database;
  secretBox: SecretBox;
  hookId: string;
  method: string;
  /** The full URL the provider called (some signatures cover it). */
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact bytes received; null when the body was over the limit and not read to the end. */
  rawBody: Buffer | null;
  maxBodyBytes?: number;
  now?: Date;
  /** How verified events are stored; by default the group-commit recorder of `db`'s pool. */
  recorder?: EventRecorder;
}

export type IngestOutcome =
  | { outcome: "accepted"; status: 202; runId: string; eventId: string }
  | { outcome: "duplicate"; status: 200; runId: string | null; eventId: string }
  | { outcome: "paused"; status: 202; eventId: string }
  | { outcome: "ignored"; status: 200; eventId: string }
  | { outcome: "rejected"; status: 400 | 401 | 404 | 405 | 413; reason: string; eventId?: string };

/**
 * `POST /api/hooks/:hookId`: verify, parse, derive the idempotency key, then record the event and
 * queue its run atomically. Every refusal but "no such hook" is recorded, so a bad signature or a
 * malformed body shows up in the flow's history instead of vanishing.
 */
export async function ingestWebhookEvent(options: IngestWebhookEventOptions): Promise<IngestOutcome> {
  const { db, hookId, now = new Date(), maxBodyBytes = DEFAULT_MAX_HOOK_BODY_BYTES } = options;
  const target = await hookTargetLookupFor(db).find(hookId);
  if (!target) return { outcome: "rejected", status: 404, reason: `No flow listens at hook ${hookId}` };
  const headers = normalizeHeaders(options.headers);
  const reject = (status: 400 | 401 | 404 | 405 | 413, reason: string) =>
    recordRejection(db, target, { status, reason, headers, rawBody: options.rawBody, now });

  if (!target.versionId) return reject(404, "The flow has not been published yet, so it does not run");
  const versionId = target.versionId;
  const published = await publishedTrigger(versionId, () => loadVersionGraph(db, versionId));
  if (!published) return reject(404, "The published version has no trigger Handoff knows");
  const trigger = published.definition;
  if (trigger.kind !== "webhook") return reject(405, `This flow starts with "${trigger.name}", not a webhook`);
  if (options.method.toUpperCase() !== "POST") return reject(405, "Hooks accept POST only");
  const rawBody = options.rawBody;
  if (!rawBody || rawBody.length > maxBodyBytes) {
    return reject(413, `The body is larger than the ${maxBodyBytes} bytes a hook accepts`);
  }

  const verified = trigger.verify({
    rawBody,
    headers,
    url: options.url,
    method: options.method.toUpperCase(),
    props: published.props ?? {},
    secret: openSecret(options.secretBox, target.signingSecretSealed ?? target.hookSecretSealed),
    now,
  });
  if (!verified.ok) return reject(401, verified.reason);
  const parsed = trigger.parse(rawBody, headers);
  if (!parsed.ok) return reject(400, parsed.error);

  // HubSpot batches events in one delivery: each is its own run, de-duplicated on its own id.
  // They are recorded together (the same batch, so the same commit) and answered once all are in.
  const events = trigger.split ? trigger.split(parsed.payload) : [parsed.payload];
  const recorder = options.recorder ?? eventRecorderFor(db);
  const bytesPerEvent = Math.ceil(rawBody.length / Math.max(events.length, 1));
  const outcomes = await Promise.all(
    events.map(async (payload): Promise<IngestOutcome> => {
      const providerEventId = trigger.eventId(payload, headers);
      const idempotencyKey = providerEventId
        ? `event:${providerEventId}`
        : `sha256:${createHash("sha256")
            .update(events.length > 1 ? JSON.stringify(payload) : rawBody)
            .digest("hex")}`;
      const stored = {
        workspaceId: target.workspaceId,
        flowId: target.flowId,
        idempotencyKey,
        payload,
        headers: headersForRecord(headers),
        receivedAt: now,
      };
      if (target.status === "paused") {
        const recorded = await recorder.record({ ...stored, status: "ignored_paused" }, bytesPerEvent);
        return { outcome: "paused", status: 202, eventId: recorded.eventId ?? "" };
      }
      if (trigger.matches && !trigger.matches(payload, published.props ?? {})) {
        const recorded = await recorder.record({ ...stored, status: "ignored_unmatched" }, bytesPerEvent);
        return { outcome: "ignored", status: 200, eventId: recorded.eventId ?? "" };
      }
      const recorded = await recorder.record(
        {
          ...stored,
          status: "accepted",
          versionId,
          sourceEventAt: trigger.eventTime(payload) ?? now,
          summary: trigger.summary?.(payload) ?? trigger.name,
          businessKeys: trigger.businessKeys?.(payload) ?? [],
        },
        bytesPerEvent,
      );
      if (recorded.inserted) {
        if (!recorded.runId) throw new Error("The event was recorded without its run");
        return { outcome: "accepted", status: 202, runId: recorded.runId, eventId: recorded.eventId };
      }
      return { outcome: "duplicate", status: 200, runId: recorded.runId, eventId: recorded.eventId ?? "" };
    }),
  );
  // One answer per delivery: the provider only needs to know it arrived.
  return (
    outcomes.find((outcome) => outcome.outcome === "accepted") ??
    outcomes[0] ?? { outcome: "ignored", status: 200, eventId: "" }
  );
}

function openSecret(secretBox: SecretBox, sealed: string | null): string | undefined {
  return sealed ? secretBox.open(sealed) : undefined;
}

async function recordRejection(
  db: Database,
  target: HookTarget,
  rejection: {
    status: 400 | 401 | 404 | 405 | 413;
    reason: string;
    headers: Readonly<Record<string, string>>;
    rawBody: Buffer | null;
    now: Date;
  },
): Promise<IngestOutcome> {
  // The body of a refused delivery is kept as text (capped), never parsed: it may be anything.
  const body =
    rejection.rawBody && rejection.status !== 413 ? rejection.rawBody.subarray(0, 16 * 1024).toString("utf8") : null;
  const [row] = await db
    .insert(schema.triggerEvents)
    .values({
      workspaceId: target.workspaceId,
      flowId: target.flowId,
      status: "rejected",
      rejectionReason: `${rejection.status}: ${rejection.reason}`,
      payload: body === null ? null : { rawBody: body },
      headers: headersForRecord(rejection.headers),
      receivedAt: rejection.now,
    })
    .returning({ id: schema.triggerEvents.id });
  return { outcome: "rejected", status: rejection.status, reason: rejection.reason, eventId: row?.id };
}
