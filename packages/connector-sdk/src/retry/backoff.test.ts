import { describe, expect, it } from "vitest";
import { computeBackoff } from "./backoff";

const base = { baseMs: 1000, maxMs: 60_000 };

describe("computeBackoff", () => {
  it("doubles the ceiling each attempt and scales it by the random draw", () => {
    expect(computeBackoff({ ...base, attempt: 1, random: () => 0.5 })).toBe(500);
    expect(computeBackoff({ ...base, attempt: 2, random: () => 0.5 })).toBe(1000);
    expect(computeBackoff({ ...base, attempt: 3, random: () => 0.5 })).toBe(2000);
    expect(computeBackoff({ ...base, attempt: 4, random: () => 0.25 })).toBe(2000);
  });

  it("uses the full range of jitter, from 0 up to the ceiling", () => {
    expect(computeBackoff({ ...base, attempt: 3, random: () => 0 })).toBe(0);
    expect(computeBackoff({ ...base, attempt: 3, random: () => 0.999 })).toBe(3996);
  });

  it("caps the ceiling at maxMs, even for huge attempts", () => {
    expect(computeBackoff({ ...base, attempt: 10, random: () => 0.5 })).toBe(30_000);
    expect(computeBackoff({ ...base, attempt: 5000, random: () => 0.5 })).toBe(30_000);
  });

  it("never waits less than Retry-After, even past maxMs", () => {
    expect(computeBackoff({ ...base, attempt: 1, random: () => 0.5, retryAfterMs: 2000 })).toBe(2000);
    expect(computeBackoff({ ...base, attempt: 8, random: () => 0.5, retryAfterMs: 2000 })).toBe(30_000);
    expect(computeBackoff({ ...base, attempt: 1, random: () => 0, retryAfterMs: 120_000 })).toBe(120_000);
  });

  it("stays within bounds with the real random source", () => {
    for (let i = 0; i < 200; i++) {
      const delay = computeBackoff({ ...base, attempt: 4 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it("rejects nonsense input", () => {
    expect(() => computeBackoff({ ...base, attempt: 0 })).toThrow(RangeError);
    expect(() => computeBackoff({ ...base, attempt: 1.5 })).toThrow(RangeError);
    expect(() => computeBackoff({ attempt: 1, baseMs: 5000, maxMs: 1000 })).toThrow(RangeError);
  });
});
