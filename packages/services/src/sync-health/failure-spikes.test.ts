import { describe, expect, it } from "vitest";
import { type FlowFailureCounts, isFailureSpike } from "./failure-spikes";

const counts = (week: [number, number], baseline: [number, number]): FlowFailureCounts => ({
  flowId: "f",
  flowName: "Flow",
  weekFailures: week[0],
  weekFinished: week[1],
  baselineFailures: baseline[0],
  baselineFinished: baseline[1],
});

describe("a failure spike", () => {
  it("fires at twice the baseline rate with at least 3 failures", () => {
    expect(isFailureSpike(counts([4, 20], [5, 50]))).toBe(true); // 20% against 10%
    expect(isFailureSpike(counts([3, 3], [0, 0]))).toBe(true); // a new flow failing every run
    expect(isFailureSpike(counts([3, 100], [0, 400]))).toBe(true); // failing where it never did
  });

  it("does not fire below twice the rate, or below 3 failures", () => {
    expect(isFailureSpike(counts([4, 21], [5, 50]))).toBe(false); // 19% against 10%
    expect(isFailureSpike(counts([2, 2], [0, 400]))).toBe(false);
    expect(isFailureSpike(counts([30, 40], [300, 400]))).toBe(false); // always this bad: not a spike
  });
});
