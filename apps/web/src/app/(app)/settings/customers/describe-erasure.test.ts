import { describe, expect, it } from "vitest";
import { describeErasure } from "./describe-erasure";
import { exportFilename } from "./download-json";

describe("describeErasure", () => {
  it("says what was redacted and what was deleted, in singular or plural", () => {
    expect(
      describeErasure({
        customerId: "c1",
        counts: { runs: 4, steps: 1, triggerEvents: 3, identityReviews: 0, links: 2, customers: 1 },
      }),
    ).toBe(
      "Redacted 4 runs, 1 step, 3 trigger events; deleted 0 identity reviews, 2 identity links, the customer record.",
    );
  });

  it("says so when the person had no customer record", () => {
    expect(
      describeErasure({
        customerId: null,
        counts: { runs: 1, steps: 0, triggerEvents: 1, identityReviews: 0, links: 0, customers: 0 },
      }),
    ).toContain("no customer record (none existed)");
  });
});

describe("exportFilename", () => {
  it("names the file by customer id, never by email", () => {
    expect(exportFilename("5f1c")).toBe("customer-5f1c.json");
    expect(exportFilename(null)).toBe("customer-runs-only.json");
  });
});
