import type { SandboxResponse } from "../../types";
import { stripeErrors } from "./errors";

/** Keys may be pruned once they are 24 hours old; a reused key then starts a new request. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface StoredResponse {
  fingerprint: string;
  response: SandboxResponse;
  requestId: string;
  storedAtMs: number;
}

/**
 * Stripe's idempotent requests: per API key, the first response to a key is kept and replayed
 * (with `Idempotent-Replayed: true`); the same key with other parameters is an idempotency_error.
 */
export class IdempotencyStore {
  private readonly responses = new Map<string, StoredResponse>();

  /** The replay for this key, undefined when the request should run. */
  replay(apiKey: string, key: string, fingerprint: string, nowMs: number): SandboxResponse | undefined {
    const stored = this.responses.get(`${apiKey}\n${key}`);
    if (!stored || nowMs - stored.storedAtMs >= KEY_LIFETIME_MS) return undefined;
    if (stored.fingerprint !== fingerprint) throw stripeErrors.idempotencyMismatch(key);
    return {
      ...stored.response,
      headers: { ...stored.response.headers, "Idempotent-Replayed": "true", "Original-Request": stored.requestId },
    };
  }

  save(apiKey: string, key: string, fingerprint: string, response: SandboxResponse, requestId: string, nowMs: number) {
    this.responses.set(`${apiKey}\n${key}`, { fingerprint, response, requestId, storedAtMs: nowMs });
  }

  reset(): void {
    this.responses.clear();
  }
}

/** Method, path and parameters with keys sorted, so parameter order does not matter. */
export function requestFingerprint(method: string, path: string, params: unknown): string {
  return `${method} ${path} ${JSON.stringify(sortKeys(params))}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, sortKeys(entry)]),
    );
  return value;
}
