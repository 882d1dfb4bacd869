export type ConnectorErrorKind = "retriable" | "final";

export type ConnectorErrorCode =
  | "network"
  | "timeout"
  | "aborted"
  | "rate_limited"
  | "server_error"
  | "auth"
  | "reconnect_needed"
  | "not_found"
  | "conflict"
  | "validation"
  | "client_error"
  | "too_large"
  | "unknown";

/** What a code means for the engine when the thrower does not say otherwise. */
const defaultKinds: Record<ConnectorErrorCode, ConnectorErrorKind> = {
  network: "retriable",
  timeout: "retriable",
  aborted: "retriable",
  rate_limited: "retriable",
  server_error: "retriable",
  auth: "final",
  reconnect_needed: "final",
  not_found: "final",
  conflict: "final",
  validation: "final",
  client_error: "final",
  too_large: "final",
  unknown: "final",
};

export function defaultKindFor(code: ConnectorErrorCode): ConnectorErrorKind {
  return defaultKinds[code];
}

export interface ConnectorErrorOptions {
  code: ConnectorErrorCode;
  message: string;
  /** Defaults to the usual kind for `code` (see `defaultKindFor`). */
  kind?: ConnectorErrorKind;
  status?: number;
  retryAfterMs?: number;
  /** The provider's own words, truncated; shown to the user next to our message. */
  providerMessage?: string;
  cause?: unknown;
}

/** The JSON form the engine records on a failed step. */
export type SerializedConnectorError = {
  name: "ConnectorError";
  kind: ConnectorErrorKind;
  code: ConnectorErrorCode;
  message: string;
  status?: number;
  retryAfterMs?: number;
  providerMessage?: string;
};

export class ConnectorError extends Error {
  override readonly name = "ConnectorError";
  readonly kind: ConnectorErrorKind;
  readonly code: ConnectorErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly providerMessage: string | undefined;

  constructor(options: ConnectorErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.kind = options.kind ?? defaultKindFor(options.code);
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.providerMessage = options.providerMessage;
  }

  get retriable(): boolean {
    return this.kind === "retriable";
  }

  toJSON(): SerializedConnectorError {
    return {
      name: this.name,
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(this.providerMessage === undefined ? {} : { providerMessage: this.providerMessage }),
    };
  }
}
