import { describe, expect, it } from "vitest";
import { formatDuration, isRunStatus, statusBadgeClass, statusLabel } from "./run-format";

describe("run formatting", () => {
  it("tells durations precisely when short and readably when long", () => {
    expect(
      [null, 0, 850, 999, 1_000, 2_349, 59_999, 60_000, 245_000, 3_599_999, 3_600_000, 7_380_000, -500, -2_300].map(
        formatDuration,
      ),
    ).toEqual([
      "—",
      "0 ms",
      "850 ms",
      "999 ms",
      "1.0 s",
      "2.3 s",
      "59.9 s",
      "1 min 00 s",
      "4 min 05 s",
      "59 min 59 s",
      "1 h 00 min",
      "2 h 03 min",
      "−500 ms",
      "−2.3 s",
    ]);
  });

  it("labels and colours run and step statuses", () => {
    expect(statusLabel("needs_attention")).toBe("Needs attention");
    expect(statusLabel("skipped")).toBe("Skipped");
    expect(statusBadgeClass("needs_attention")).toBe("ho-badge ho-badge-danger");
    expect(statusBadgeClass("succeeded")).toBe("ho-badge ho-badge-ok");
    expect(statusBadgeClass("canceled")).toBe("ho-badge");
    expect(isRunStatus("waiting")).toBe(true);
    expect(isRunStatus("toString")).toBe(false);
  });
});
