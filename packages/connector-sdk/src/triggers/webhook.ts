import type { z } from "zod";
import type { TriggerBase } from "./trigger-base";

/** Lower-cased header names (see `normalizeHeaders`). */
export type WebhookHeaders = Readonly<Record<string, string>>;

export interface WebhookVerifyInput<TProps> {
  /** The exact bytes received: signatures are over these, never over re-serialised JSON. */
  rawBody: Buffer;
  headers: WebhookHeaders;
  /** The full URL the provider called, as some schemes sign it (HubSpot v3). */
  url: string;
  method: string;
  props: TProps;
  /** The hook's signing secret, when one is configured. */
  secret?: string;
  now: Date;
}

export type WebhookVerifyResult = { ok: true } | { ok: false; reason: string };

export type WebhookParseResult<TPayload> = { ok: true; payload: TPayload } | { ok: false; error: string };

export interface WebhookTriggerDefinition<TSchema extends z.ZodType = z.ZodType, TPayload = unknown>
  extends TriggerBase<TSchema> {
  kind: "webhook";
  verify(input: WebhookVerifyInput<z.output<TSchema>>): WebhookVerifyResult;
  parse(rawBody: Buffer, headers: WebhookHeaders): WebhookParseResult<TPayload>;
  /** The provider's id for this delivery; undefined lets the caller fall back to a body hash. */
  eventId(payload: TPayload, headers: WebhookHeaders): string | undefined;
  /** When it happened at the source, for sync lag. */
  eventTime(payload: TPayload): Date | undefined;
  /** One line for run lists. */
  summary?(payload: TPayload): string;
  /** Values a user may search runs by: e-mails lower-cased, invoice numbers, … */
  businessKeys?(payload: TPayload): string[];
}
