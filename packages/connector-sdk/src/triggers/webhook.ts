import type { z } from "zod";
import type { ActionConnection, LogData } from "../action";
import type { JsonValue } from "../json";
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

export interface WebhookSubscribeContext<TProps> {
  props: TProps;
  connection: ActionConnection;
  /** The flow's stable hook URL the provider must call. */
  hookUrl: string;
  /** A secret Handoff generated for this hook, for providers that let the subscriber choose one. */
  hookSecret: string;
  /**
   * For providers with one webhook target per app (HubSpot): a URL shared by every flow of that
   * app, which Handoff fans out to each flow whose subscription names the same `appKey`.
   */
  appHookUrl: (appKey: string) => string;
  signal: AbortSignal;
  log: (message: string, data?: LogData) => void;
}

export interface WebhookSubscription {
  /** What `unsubscribe` needs later (the provider's subscription id, …). */
  state: JsonValue;
  /** The secret deliveries will be signed with, when the provider chose it (Stripe's whsec_…). */
  signingSecret?: string;
  /** Set when the provider was pointed at `appHookUrl(appKey)` rather than the flow's own hook. */
  appKey?: string;
}

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
  /**
   * False for deliveries this trigger does not start a run for (another event type on a shared
   * subscription, a deal moved to a stage the flow does not watch): recorded, not run.
   */
  matches?(payload: TPayload, props: z.output<TSchema>): boolean;
  /** Providers that batch several events in one delivery (HubSpot): one run per event. */
  split?(payload: TPayload): TPayload[];
  /** Registers the hook with the provider on publish; absent when the user pastes the URL. */
  subscribe?(ctx: WebhookSubscribeContext<z.output<TSchema>>): Promise<WebhookSubscription>;
  /** Removes it on pause or delete; must not fail when the provider already forgot it. */
  unsubscribe?(ctx: WebhookSubscribeContext<z.output<TSchema>> & { state: JsonValue }): Promise<void>;
  /**
   * Events the provider may never send, found by looking instead (an open invoice past its due
   * date where Stripe's overdue automation is off). Each must have the `eventId` a real delivery
   * of the same fact would have, so it starts one run whichever way it arrives. Called on a
   * schedule by the platform for active flows.
   */
  derive?(ctx: WebhookDeriveContext<z.output<TSchema>>): Promise<TPayload[]>;
  /** A realistic delivery, for the editor's test run and data picker. */
  sample?: TPayload;
}

export interface WebhookDeriveContext<TProps> {
  props: TProps;
  connection: ActionConnection;
  now: Date;
  signal: AbortSignal;
  log: (message: string, data?: LogData) => void;
}
