import type { IncomingHttpHeaders } from "node:http";

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
}

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
