import { describe, expect, it } from "vitest";
import { formatFireTime, scheduleQueryInput } from "./format-fire-time";

describe("formatFireTime", () => {
  it("shows the time in the schedule's zone, with the zone, across a daylight-saving switch", () => {
    // 08:00 UTC is 09:00 in Berlin in winter and 10:00 in summer.
    const winter = formatFireTime(new Date("2025-03-28T08:00:00Z"), "Europe/Berlin", "en-GB");
    const summer = formatFireTime(new Date("2025-03-31T08:00:00Z"), "Europe/Berlin", "en-GB");
    expect(winter).toContain("09:00");
    expect(winter).toContain("28 Mar 2025");
    expect(summer).toContain("10:00");
    expect(winter).toMatch(/CET|GMT\+1/);
    expect(summer).toMatch(/CEST|GMT\+2/);
  });

  it("falls back to UTC, saying so, for a zone Intl does not know", () => {
    expect(formatFireTime(new Date("2025-01-06T08:30:00Z"), "Mars/Olympus", "en-GB")).toBe("2025-01-06 08:30 UTC");
  });
});

describe("scheduleQueryInput", () => {
  it("asks the server only once both props are filled in", () => {
    expect(scheduleQueryInput({ cron: " 0 9 * * 1-5 ", timeZone: "Europe/Berlin" })).toEqual({
      cron: "0 9 * * 1-5",
      timeZone: "Europe/Berlin",
    });
    expect(scheduleQueryInput({ cron: "0 9 * * *" })).toBeNull();
    expect(scheduleQueryInput({ cron: "", timeZone: "UTC" })).toBeNull();
    expect(scheduleQueryInput({ cron: 5, timeZone: "UTC" })).toBeNull();
    expect(scheduleQueryInput({ cron: "x".repeat(201), timeZone: "UTC" })).toBeNull();
  });
});
