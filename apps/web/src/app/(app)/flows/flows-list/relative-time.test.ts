import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./relative-time";

const now = new Date("2025-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatRelativeTime", () => {
  it.each<[string, number, string]>([
    ["the same instant", 0, "just now"],
    ["under 45 seconds", 44 * SECOND, "just now"],
    ["45 seconds", 45 * SECOND, "1 minute ago"],
    ["one minute", MINUTE, "1 minute ago"],
    ["59 minutes and change", 59 * MINUTE + 50 * SECOND, "59 minutes ago"],
    ["one hour", HOUR, "1 hour ago"],
    ["almost three hours (floored)", 2 * HOUR + 59 * MINUTE, "2 hours ago"],
    ["one day", DAY, "yesterday"],
    ["three days", 3 * DAY, "3 days ago"],
    ["two weeks", 15 * DAY, "2 weeks ago"],
    ["two months", 65 * DAY, "2 months ago"],
    ["over a year", 400 * DAY, "last year"],
  ])("%s before now reads %s", (_, distance, expected) => {
    expect(formatRelativeTime(ago(distance), now)).toBe(expected);
  });

  it("tells a time ahead of the browser's clock as future, not as a negative past", () => {
    expect(formatRelativeTime(ago(-2 * HOUR), now)).toBe("in 2 hours");
    expect(formatRelativeTime(ago(-50 * SECOND), now)).toBe("in 1 minute");
    expect(formatRelativeTime(ago(-10 * SECOND), now)).toBe("just now");
  });
});
