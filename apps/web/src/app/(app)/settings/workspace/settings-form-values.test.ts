import { describe, expect, it } from "vitest";
import { parseSettingsForm } from "./settings-form-values";

describe("the workspace settings form", () => {
  it("sends nobody as null and the days as numbers", () => {
    expect(parseSettingsForm({ mappingOwner: "", successDays: " 30 ", failureDays: "180" })).toEqual({
      ok: true,
      values: { mappingOwnerUserId: null, successRetentionDays: 30, failureRetentionDays: 180 },
    });
    expect(parseSettingsForm({ mappingOwner: "u1", successDays: "1", failureDays: "3650" })).toMatchObject({
      ok: true,
      values: { mappingOwnerUserId: "u1" },
    });
  });

  it.each([
    [{ successDays: "", failureDays: "180" }, "Successful runs: enter a whole number of days"],
    [{ successDays: "2.5", failureDays: "180" }, "Successful runs: enter a whole number of days"],
    [{ successDays: "30", failureDays: "0" }, "Failed runs: keep them between 1 and 3650 days"],
    [{ successDays: "30", failureDays: "3651" }, "Failed runs: keep them between 1 and 3650 days"],
  ])("refuses %o with a precise message", (days, problem) => {
    expect(parseSettingsForm({ mappingOwner: "", ...days })).toEqual({ ok: false, problem });
  });
});
