/** Requests per key in the last second (a sliding window), as Stripe's per-key limiter counts. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perSecond: number) {}

  /** Counts the request; false when the key already used its allowance this second. */
  take(key: string, nowMs: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > nowMs - 1_000 && at <= nowMs);
    if (recent.length >= this.perSecond) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    return true;
  }

  reset(): void {
    this.hits.clear();
  }
}
