import { describe, expect, it } from "vitest";
import { candidateLabel, describeResolution } from "./describe-resolution";
import type { IdentityReview } from "./types";

const REVIEW: IdentityReview = {
  id: "r1",
  provider: "hubspot",
  keys: { phone: "+33611111111" },
  candidates: [
    { externalId: "101", matchedBy: "phone", label: "Ann Roe <ann@roe.test>" },
    { externalId: "102", matchedBy: "phone" },
  ],
  runId: "run-1",
  status: "open",
  resolution: null,
  createdAt: "2025-03-01T09:00:00.000Z",
};
const result = (changes: Partial<Parameters<typeof describeResolution>[2]> = {}) => ({
  reviewId: "r1",
  alsoResolved: [],
  customerId: "c1",
  retriedRunIds: [],
  notRetried: [],
  ...changes,
});

describe("telling the person what resolving did", () => {
  it("names the chosen record and the retried runs", () => {
    expect(
      describeResolution(REVIEW, { kind: "same_as", externalId: "101" }, result({ retriedRunIds: ["run-1"] })),
    ).toBe(
      "Resolved as the same customer as Ann Roe <ann@roe.test>. The blocked run was retried and continues with that record.",
    );
    expect(
      describeResolution(
        REVIEW,
        { kind: "same_as", externalId: "102" },
        result({ retriedRunIds: ["run-1", "run-2"], alsoResolved: ["r2"] }),
      ),
    ).toBe(
      "Resolved as the same customer as hubspot 102 (with 1 identical conflict). The 2 blocked runs were retried and continue with that record.",
    );
  });

  it("says a new record is created when none of the records is the customer", () => {
    expect(
      describeResolution(REVIEW, { kind: "create_new" }, result({ customerId: null, retriedRunIds: ["run-1"] })),
    ).toBe(
      "Resolved as none of these records. The blocked run was retried: it creates a new hubspot record and continues.",
    );
    expect(
      describeResolution(
        REVIEW,
        { kind: "create_new" },
        result({ customerId: null, retriedRunIds: ["run-1", "run-2"] }),
      ),
    ).toBe(
      "Resolved as none of these records. The 2 blocked runs were retried: the first creates a new hubspot record, all continue with it.",
    );
  });

  it("says why a run was not retried", () => {
    const reason = "Only a run that needs attention, failed or is waiting can be retried (this one is canceled)";
    expect(
      describeResolution(
        REVIEW,
        { kind: "create_new" },
        result({
          notRetried: [
            { runId: "run-1", reason },
            { runId: "run-2", reason },
          ],
        }),
      ),
    ).toBe(`Resolved as none of these records. ${reason}`);
  });

  it("labels a candidate with what it is and why it matched", () => {
    expect(candidateLabel(REVIEW, REVIEW.candidates[0] ?? { externalId: "" })).toBe(
      "Ann Roe <ann@roe.test> — hubspot 101 · same phone",
    );
    expect(candidateLabel(REVIEW, { externalId: "103" })).toBe("Record — hubspot 103");
  });
});
