import { describe, expect, it } from "vitest";
import { lastDaysPeriod, weekPeriod } from "./review-period";

describe("review periods", () => {
  it("covers the days ending now for the scheduled e-mail", () => {
    const now = new Date("2026-03-09T07:00:00Z");
    expect(lastDaysPeriod(7, now)).toEqual({ start: new Date("2026-03-02T07:00:00Z"), end: now });
  });

  it("starts this week on Monday 00:00 in the workspace's zone, and last week ends there", () => {
    // Wednesday 11 March 2026, 10:00 in Paris (UTC+1).
    const now = new Date("2026-03-11T09:00:00Z");
    expect(weekPeriod("this", "Europe/Paris", now)).toEqual({ start: new Date("2026-03-08T23:00:00Z"), end: now });
    expect(weekPeriod("last", "Europe/Paris", now)).toEqual({
      start: new Date("2026-03-01T23:00:00Z"),
      end: new Date("2026-03-08T23:00:00Z"),
    });
  });

  it("counts Monday 00:00 itself as the start of this week", () => {
    const monday = new Date("2026-03-09T00:00:00Z");
    expect(weekPeriod("this", "UTC", monday)).toEqual({ start: monday, end: monday });
  });

  it("keeps weeks on local midnight across a daylight-saving change", () => {
    // Paris moves to summer time on Sunday 29 March 2026: that week is 167 hours long.
    const now = new Date("2026-03-30T08:00:00Z");
    expect(weekPeriod("this", "Europe/Paris", now).start).toEqual(new Date("2026-03-29T22:00:00Z"));
    expect(weekPeriod("last", "Europe/Paris", now)).toEqual({
      start: new Date("2026-03-22T23:00:00Z"),
      end: new Date("2026-03-29T22:00:00Z"),
    });
  });
});
