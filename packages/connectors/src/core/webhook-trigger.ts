import {
  defineTrigger,
  hmacSha256Verifier,
  type JsonObject,
  parseJsonObjectBody,
  truncateText,
} from "@handoff/connector-sdk";
import { z } from "zod";
import { collectEmails, nonEmptyString, toDate } from "./webhook-payload";

export const SIGNATURE_HEADER = "x-handoff-signature";
export const EVENT_ID_HEADER = "x-handoff-event-id";

/** Signing is optional: with a secret on the hook every delivery must carry a good signature. */
const verifyHandoffSignature = hmacSha256Verifier({
  header: SIGNATURE_HEADER,
  prefix: "sha256=",
  encoding: "hex",
  withoutSecret: "accept",
});

/** Keeps ids usable as de-duplication keys; a longer one is a sender bug we should not store. */
const MAX_EVENT_ID_LENGTH = 200;

function eventIdFrom(value: string | undefined): string | undefined {
  const id = value?.trim();
  return id && id.length <= MAX_EVENT_ID_LENGTH ? id : undefined;
}

function summarize(payload: JsonObject): string {
  const type = nonEmptyString(payload.type) ?? nonEmptyString(payload.event) ?? nonEmptyString(payload.eventType);
  if (type) return truncateText(`Webhook: ${type}`, 120);
  const keys = Object.keys(payload);
  if (keys.length === 0) return "Webhook with an empty object";
  return truncateText(`Webhook with ${keys.join(", ")}`, 120);
}

export const webhookTrigger = defineTrigger({
  kind: "webhook",
  key: "webhook",
  name: "Webhook",
  description:
    "Starts the flow when any service POSTs a JSON object to the flow's hook URL. " +
    "With a signing secret, requests must carry X-Handoff-Signature: sha256=<hex HMAC-SHA256 of the body>.",
  props: z.object({}),
  verify: verifyHandoffSignature,
  parse: (rawBody) => {
    const parsed = parseJsonObjectBody(rawBody);
    return parsed.ok ? { ok: true, payload: parsed.value } : parsed;
  },
  eventId: (payload, headers) =>
    eventIdFrom(headers[EVENT_ID_HEADER]) ??
    eventIdFrom(nonEmptyString(payload.id)) ??
    eventIdFrom(nonEmptyString(payload.eventId)),
  eventTime: (payload) => toDate(payload.occurredAt) ?? toDate(payload.timestamp),
  summary: summarize,
  businessKeys: collectEmails,
});
