import type { SandboxClock } from "../../clock";

/**
 * Cal.com writes `X-RateLimit-Reset-Default` from the throttler's `timeToExpire`, which in
 * @nestjs/throttler is seconds left in the window; the contract notes (connector-apis.md §3b) say
 * epoch seconds. The default follows the notes; "seconds-remaining" reproduces the source.
 */
export type RateLimitResetFormat = "epoch-seconds" | "seconds-remaining";

export interface RateLimitOptions {
  clock: SandboxClock;
  limit: number;
  windowMs: number;
  resetFormat: RateLimitResetFormat;
}

interface Window {
  startedMs: number;
  hits: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Fixed 60-second windows per tracker (the API key, or "anonymous"), like Cal.com's throttler. */
export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(private readonly options: RateLimitOptions) {}

  hit(tracker: string): RateLimitVerdict {
    const { clock, limit, windowMs, resetFormat } = this.options;
    const nowMs = clock.nowMs();
    let window = this.windows.get(tracker);
    if (!window || nowMs >= window.startedMs + windowMs || nowMs < window.startedMs) {
      window = { startedMs: nowMs, hits: 0 };
      this.windows.set(tracker, window);
    }
    window.hits += 1;
    const resetMs = window.startedMs + windowMs;
    const reset =
      resetFormat === "epoch-seconds" ? Math.ceil(resetMs / 1000) : Math.max(0, Math.ceil((resetMs - nowMs) / 1000));
    return {
      allowed: window.hits <= limit,
      headers: {
        "X-RateLimit-Limit-Default": String(limit),
        "X-RateLimit-Remaining-Default": String(Math.max(0, limit - window.hits)),
        "X-RateLimit-Reset-Default": String(reset),
      },
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
