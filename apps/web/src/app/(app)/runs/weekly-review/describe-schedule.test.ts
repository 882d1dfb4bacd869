import { describe, expect, it } from "vitest";
import { describeSchedule } from "./describe-schedule";

describe("describing the review flow's schedule", () => {
  it.each([
    ["0 8 * * 1", "every Monday 08:00"],
    ["30 7 * * *", "every day at 07:30"],
    ["5 18 * * 0", "every Sunday 18:05"],
    ["0 8 * * 7", "every Sunday 08:00"],
    ["0 8 * * 1-5", "on the schedule “0 8 * * 1-5”"],
    ["0 8 1 * *", "on the schedule “0 8 1 * *”"],
    ["*/15 * * * *", "on the schedule “*/15 * * * *”"],
  ])("%s reads as %s", (cron, words) => {
    expect(describeSchedule({ cron, timeZone: "Europe/Paris" }, "Europe/Paris")).toBe(words);
  });

  it("names the zone when it is not the workspace's", () => {
    expect(describeSchedule({ cron: "0 8 * * 1", timeZone: "America/New_York" }, "Europe/Paris")).toBe(
      "every Monday 08:00 (America/New_York)",
    );
  });
});
