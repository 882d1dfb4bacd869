export interface BackoffOptions {
  /** 1 for the first retry. */
  attempt: number;
  baseMs: number;
  maxMs: number;
  /** The provider's `Retry-After`: never retry sooner, even past `maxMs` (it told us). */
  retryAfterMs?: number;
  /** Uniform in [0, 1); injected by tests. */
  random?: () => number;
}

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
 * a uniform delay in [0, min(maxMs, baseMs·2^(attempt-1))), so retries from many runs spread out
 * instead of arriving together.
 */
export function computeBackoff(options: BackoffOptions): number {
  const { attempt, baseMs, maxMs, retryAfterMs, random = Math.random } = options;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  if (!(baseMs >= 0) || !(maxMs >= baseMs)) {
    throw new RangeError(`need 0 ≤ baseMs ≤ maxMs, got baseMs ${baseMs} and maxMs ${maxMs}`);
  }
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  return Math.max(jittered, Math.ceil(retryAfterMs ?? 0));
}
