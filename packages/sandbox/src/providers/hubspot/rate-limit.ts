import { randomUUID } from "node:crypto";
import type { SandboxClock } from "../../clock";
import { rateLimited } from "./errors";

export interface HubspotRateLimits {
  /** Requests per rolling window (HubSpot's burst limit). */
  max: number;
  intervalMs: number;
  /** Per UTC day; only private-app tokens see the daily headers, as with HubSpot. */
  daily: number;
  /** Search requests per second, counted apart from the burst limit. */
  searchPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: HubspotRateLimits = {
  max: 190,
  intervalMs: 10_000,
  daily: 650_000,
  searchPerSecond: 20,
};

export interface RateLimitSubject {
  key: string;
  /** Daily headers and the daily limit apply to private apps only. */
  daily: boolean;
}

const DAY_MS = 86_400_000;

/** Rolling-window request counters per credential, on the sandbox clock. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly searches = new Map<string, number[]>();
  private readonly days = new Map<string, { day: number; count: number }>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly limits: HubspotRateLimits,
  ) {}

  reset(): void {
    this.windows.clear();
    this.searches.clear();
    this.days.clear();
  }

  /** Counts one call and returns the headers to send, or throws the 429 when over a limit. */
  consume(subject: RateLimitSubject, kind: "api" | "search"): Record<string, string> {
    const now = this.clock.nowMs();
    const window = recent(this.windows, subject.key, now - this.limits.intervalMs);
    const day = this.today(subject.key, now);
    if (kind === "search") {
      const searches = recent(this.searches, subject.key, now - 1_000);
      if (searches.length >= this.limits.searchPerSecond)
        throw rateLimited("SECONDLY", this.headers(subject, window.length, day.count), randomUUID());
      searches.push(now);
    } else {
      if (subject.daily && day.count >= this.limits.daily)
        throw rateLimited("DAILY", this.headers(subject, window.length, day.count), randomUUID());
      if (window.length >= this.limits.max)
        throw rateLimited("TEN_SECONDLY_ROLLING", this.headers(subject, window.length, day.count), randomUUID());
      window.push(now);
    }
    day.count += 1;
    return this.headers(subject, window.length, day.count);
  }

  /** Headers for a call that is not counted (e.g. one refused before authentication). */
  peek(): Record<string, string> {
    return this.headers({ key: "", daily: false }, 0, 0);
  }

  private headers(subject: RateLimitSubject, used: number, usedToday: number): Record<string, string> {
    return {
      "X-HubSpot-RateLimit-Max": String(this.limits.max),
      "X-HubSpot-RateLimit-Remaining": String(Math.max(0, this.limits.max - used)),
      "X-HubSpot-RateLimit-Interval-Milliseconds": String(this.limits.intervalMs),
      ...(subject.daily
        ? {
            "X-HubSpot-RateLimit-Daily": String(this.limits.daily),
            "X-HubSpot-RateLimit-Daily-Remaining": String(Math.max(0, this.limits.daily - usedToday)),
          }
        : {}),
    };
  }

  private today(key: string, now: number) {
    const day = Math.floor(now / DAY_MS);
    const current = this.days.get(key);
    if (current?.day === day) return current;
    const fresh = { day, count: 0 };
    this.days.set(key, fresh);
    return fresh;
  }
}

/** The timestamps of `key` still inside the window (older ones dropped in place). */
function recent(store: Map<string, number[]>, key: string, since: number): number[] {
  const kept = (store.get(key) ?? []).filter((at) => at > since);
  store.set(key, kept);
  return kept;
}
