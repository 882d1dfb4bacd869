import { describe, expect, it } from "vitest";
import {
  errorMessageOf,
  formatDuration,
  statusTone,
  stepCounts,
  type TestRunResult,
  toTestRunView,
} from "./test-run-view";

const step = (over: Partial<TestRunResult["steps"][number]>): TestRunResult["steps"][number] => ({
  nodeId: "a",
  stepKey: "a",
  status: "succeeded",
  attempt: 1,
  input: null,
  output: null,
  error: null,
  durationMs: 5,
  ...over,
});

const result = (steps: TestRunResult["steps"]): TestRunResult => ({
  runId: "run-1",
  status: "failed",
  finished: true,
  error: null,
  trigger: { email: "ana@example.com" },
  steps,
});

describe("toTestRunView", () => {
  it("keys each node's result by node id", () => {
    const view = toTestRunView(
      result([
        step({ nodeId: "trigger", stepKey: "trigger", output: { email: "ana@example.com" } }),
        step({
          nodeId: "invoice",
          stepKey: "invoice",
          status: "failed",
          error: { message: "No customer" },
          durationMs: 80,
        }),
      ]),
    );
    expect(view).toEqual({
      runId: "run-1",
      status: "failed",
      finished: true,
      steps: {
        trigger: { status: "succeeded", input: null, output: { email: "ana@example.com" }, error: null, durationMs: 5 },
        invoice: { status: "failed", input: null, output: null, error: { message: "No customer" }, durationMs: 80 },
      },
    });
  });

  it("shows a loop's first failed iteration, else its latest one", () => {
    const view = toTestRunView(
      result([
        step({ nodeId: "each", stepKey: "each#0", output: 0 }),
        step({ nodeId: "each", stepKey: "each#1", status: "failed", output: 1 }),
        step({ nodeId: "each", stepKey: "each#2", status: "failed", output: 2 }),
        step({ nodeId: "ok", stepKey: "ok#0", output: 0 }),
        step({ nodeId: "ok", stepKey: "ok#1", output: 1 }),
      ]),
    );
    expect(view.steps.each).toMatchObject({ status: "failed", output: 1 });
    expect(view.steps.ok).toMatchObject({ status: "succeeded", output: 1 });
    expect(stepCounts(result([step({ nodeId: "each" }), step({ nodeId: "each" }), step({ nodeId: "x" })]))).toEqual({
      each: 2,
      x: 1,
    });
  });
});

describe("errorMessageOf", () => {
  it.each<[unknown, string | null]>([
    [null, null],
    [undefined, null],
    ["Timed out", "Timed out"],
    [{ message: "Stripe refused the request" }, "Stripe refused the request"],
    [
      { message: "Stripe refused the request (400)", providerMessage: "No such customer: 'cus_1'" },
      "Stripe refused the request (400) — the provider said: No such customer: 'cus_1'",
    ],
    [
      { message: "No such customer: 'cus_1'", providerMessage: "No such customer: 'cus_1'" },
      "No such customer: 'cus_1'",
    ],
    [{ providerMessage: "Rate limited" }, "Rate limited"],
    [{ code: 42 }, '{"code":42}'],
  ])("reads %j as %j", (error, message) => {
    expect(errorMessageOf(error)).toBe(message);
  });
});

describe("formatDuration", () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [-1, null],
    [0, "0 ms"],
    [240.4, "240 ms"],
    [1234, "1.2 s"],
    [12_400, "12 s"],
    [60_000, "1 min"],
    [125_000, "2 min 5 s"],
  ])("formats %j as %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("statusTone", () => {
  it("colours run and step statuses", () => {
    expect(["succeeded", "failed", "needs_attention", "running", "waiting", "skipped"].map(statusTone)).toEqual([
      "ok",
      "danger",
      "danger",
      "warn",
      "warn",
      "neutral",
    ]);
  });
});
