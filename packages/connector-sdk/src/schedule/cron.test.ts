import { describe, expect, it } from "vitest";
import { nextFireTimes, validateCron } from "./cron";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe("validateCron", () => {
  it("accepts five-field expressions, names and shorthands", () => {
    expect(validateCron("0 9 * * 1-5")).toEqual({ ok: true });
    expect(validateCron("*/15 8-18 * * MON-FRI")).toEqual({ ok: true });
    expect(validateCron(" @daily ")).toEqual({ ok: true });
  });

  it("says what is wrong, precisely", () => {
    expect(validateCron("")).toEqual({
      ok: false,
      message: "cron expression is empty; expected 5 fields (minute hour day-of-month month day-of-week)",
    });
    expect(validateCron("0 0 9 * * *")).toEqual({
      ok: false,
      message: "cron expression has 6 fields; expected 5 (minute hour day-of-month month day-of-week)",
    });
    expect(validateCron("61 * * * *")).toEqual({
      ok: false,
      message: 'invalid cron expression "61 * * * *": Invalid value for minute: 61',
    });
    expect(validateCron("0 x * * *")).toEqual({
      ok: false,
      message: 'invalid cron expression "0 x * * *": hour field (x) contains illegal characters.',
    });
    expect(validateCron("@every 5m")).toEqual({
      ok: false,
      message:
        'unknown cron shorthand "@every 5m"; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
    });
  });

  it("refuses an expression that can never fire", () => {
    expect(validateCron("0 0 31 2 *")).toEqual({
      ok: false,
      message: 'cron expression "0 0 31 2 *" never matches a date',
    });
  });
});

describe("nextFireTimes", () => {
  it("computes wall-clock times in the zone, strictly after `from`", () => {
    const from = new Date("2025-06-02T07:00:00Z"); // 09:00 in Paris: that run is not repeated
    expect(iso(nextFireTimes("0 9 * * 1-5", "Europe/Paris", from, 3))).toEqual([
      "2025-06-03T07:00:00.000Z",
      "2025-06-04T07:00:00.000Z",
      "2025-06-05T07:00:00.000Z",
    ]);
  });

  it("keeps 09:00 local across the spring change in Paris (last Sunday of March)", () => {
    expect(iso(nextFireTimes("0 9 * * *", "Europe/Paris", new Date("2025-03-28T12:00:00Z"), 3))).toEqual([
      "2025-03-29T08:00:00.000Z", // CET, UTC+1
      "2025-03-30T07:00:00.000Z", // CEST, UTC+2
      "2025-03-31T07:00:00.000Z",
    ]);
  });

  it("moves a time in the skipped hour to the end of the gap, once", () => {
    // 02:30 does not exist on 30 March 2025 in Paris: clocks jump from 02:00 to 03:00.
    expect(iso(nextFireTimes("30 2 * * *", "Europe/Paris", new Date("2025-03-29T00:00:00Z"), 3))).toEqual([
      "2025-03-29T01:30:00.000Z",
      "2025-03-30T01:00:00.000Z", // 03:00 CEST
      "2025-03-31T00:30:00.000Z",
    ]);
  });

  it("runs a fixed time only once in the repeated hour in autumn", () => {
    expect(iso(nextFireTimes("30 2 * * *", "Europe/Paris", new Date("2025-10-25T12:00:00Z"), 2))).toEqual([
      "2025-10-26T00:30:00.000Z", // first 02:30, still CEST
      "2025-10-27T01:30:00.000Z",
    ]);
  });

  it("differs by zone for the same expression", () => {
    const from = new Date("2025-01-15T00:00:00Z");
    expect(iso(nextFireTimes("0 9 * * *", "America/New_York", from, 1))).toEqual(["2025-01-15T14:00:00.000Z"]);
    expect(iso(nextFireTimes("0 9 * * *", "Asia/Tokyo", from, 1))).toEqual(["2025-01-16T00:00:00.000Z"]);
  });

  it("throws on a bad expression, zone or count", () => {
    const from = new Date("2025-01-15T00:00:00Z");
    expect(() => nextFireTimes("0 25 * * *", "UTC", from, 1)).toThrow("Invalid value for hour: 25");
    expect(() => nextFireTimes("0 9 * * *", "Mars/Olympus", from, 1)).toThrow('unknown time zone "Mars/Olympus"');
    expect(() => nextFireTimes("0 9 * * *", "UTC", from, -1)).toThrow(RangeError);
  });
});
