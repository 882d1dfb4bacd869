import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, isTerminal, needsPerson } from "./run-status";

describe("run status", () => {
  it("lets a failed or needs-attention run be retried, but never rewrites a finished one", () => {
    expect(canTransition("needs_attention", "queued")).toBe(true);
    expect(canTransition("failed", "queued")).toBe(true);
    expect(canTransition("succeeded", "queued")).toBe(false);
    expect(() => assertTransition("canceled", "running")).toThrow("A run cannot go from canceled to running");
  });

  it("knows which states are final and which need a person", () => {
    expect(isTerminal("succeeded")).toBe(true);
    expect(isTerminal("needs_attention")).toBe(false);
    expect(needsPerson("needs_attention")).toBe(true);
    expect(needsPerson("running")).toBe(false);
  });
});
