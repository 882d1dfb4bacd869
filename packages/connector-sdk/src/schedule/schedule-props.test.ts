import { describe, expect, it } from "vitest";
import { ZScheduleProps } from "./schedule-props";
import { validateTimeZone } from "./time-zone";

describe("validateTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    expect(validateTimeZone("Europe/Paris")).toEqual({ ok: true });
    expect(validateTimeZone("America/Argentina/Buenos_Aires")).toEqual({ ok: true });
    expect(validateTimeZone("UTC")).toEqual({ ok: true });
  });

  it("refuses offsets, abbreviations and unknown zones", () => {
    expect(validateTimeZone("+02:00")).toEqual({
      ok: false,
      message: '"+02:00" is not an IANA time zone; use a name such as Europe/Paris',
    });
    expect(validateTimeZone("CET").ok).toBe(false);
    expect(validateTimeZone("Europe/Atlantis")).toEqual({ ok: false, message: 'unknown time zone "Europe/Atlantis"' });
  });
});

describe("ZScheduleProps", () => {
  it("reports each bad field at its path", () => {
    const result = ZScheduleProps.safeParse({ cron: "0 9 * *", timeZone: "Paris" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["cron", "cron expression has 4 fields; expected 5 (minute hour day-of-month month day-of-week)"],
      ["timeZone", '"Paris" is not an IANA time zone; use a name such as Europe/Paris'],
    ]);
    expect(ZScheduleProps.parse({ cron: "0 9 * * *", timeZone: "Europe/Paris" })).toEqual({
      cron: "0 9 * * *",
      timeZone: "Europe/Paris",
    });
  });
});
