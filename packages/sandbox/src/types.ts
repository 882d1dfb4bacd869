import type { IncomingHttpHeaders } from "node:http";
import type { SandboxClock } from "./clock";
import type { WebhookOutbox } from "./webhook-outbox";

export interface SandboxRequest {
  method: string;
  /** Path below the provider's mount point, e.g. `/crm/v3/objects/contacts`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The exact bytes received: signatures are computed over these. */
  rawBody: Buffer;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string or Buffer. */
  body?: unknown;
}

/** One emulated provider: its routes live under `/<key>/…`. */
export interface SandboxProvider {
  key: string;
  handle: (request: SandboxRequest) => Promise<SandboxResponse> | SandboxResponse;
  /** Drops every record, back to the seed fixtures. */
  reset: () => void;
  /** The emulator's records, for `handoff sandbox <provider> state` and for tests. */
  state: () => unknown;
  /**
   * Scripted user actions (`POST /_sandbox/<key>/<action>` with a JSON body), e.g. Cal.com
   * `book`, Stripe `pay`: what a customer or the provider's own UI would do. Drives the CLI.
   */
  admin?: (action: string, body: unknown) => Promise<SandboxResponse> | SandboxResponse;
  /** Extra listeners the emulator needs (e.g. an SMTP port), started with the server. */
  listen?: () => Promise<void>;
  close?: () => Promise<void>;
}

/** What every emulator shares: the movable clock and the outgoing-webhook queue. */
export interface SandboxContext {
  clock: SandboxClock;
  outbox: WebhookOutbox;
  /** The sandbox server's own base URL (e.g. for links such as `hosted_invoice_url`). */
  baseUrl: () => string;
}

export type SandboxProviderFactory = (context: SandboxContext) => SandboxProvider;

/** A scripted failure for the next `times` calls matching provider (and path prefix, when given). */
export interface Fault {
  provider: string;
  pathPrefix?: string;
  method?: string;
  times: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Delay the answer (ms) to emulate a slow provider or a timeout. */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  dropConnection?: boolean;
}

export interface RecordedRequest {
  at: string;
  provider: string;
  method: string;
  path: string;
  query: string;
  status: number;
  body: string;
}
