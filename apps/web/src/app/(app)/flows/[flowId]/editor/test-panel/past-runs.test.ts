import { describe, expect, it } from "vitest";
import { pastRunLabel } from "./past-runs";

describe("pastRunLabel", () => {
  it("names the time, what the event was and how the run ended", () => {
    const run = { createdAt: "2025-01-06T14:02:11.000Z", summary: "Test: Booking created", status: "needs_attention" };
    expect(pastRunLabel(run, (date) => date.toISOString().slice(11, 16))).toBe(
      "14:02 · Test: Booking created (needs attention)",
    );
  });
});
