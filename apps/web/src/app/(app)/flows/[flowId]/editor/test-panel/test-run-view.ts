import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";
import type { TestRunView, TestStepView } from "../editor-contract";

export type TestRunResult = inferRouterOutputs<AppRouter>["flows"]["testRunResult"];
type StepResult = TestRunResult["steps"][number];

/**
 * The server's step rows as the canvas shows them: one result per node. A node inside a loop has
 * a row per iteration; the node shows its first failure if any iteration failed (that is what
 * needs fixing), else its latest iteration.
 */
export function toTestRunView(result: TestRunResult): TestRunView {
  const steps: Record<string, TestStepView> = {};
  const failed = new Set<string>();
  for (const step of result.steps) {
    if (failed.has(step.nodeId)) continue;
    steps[step.nodeId] = stepView(step);
    if (step.status === "failed") failed.add(step.nodeId);
  }
  return { runId: result.runId, status: result.status, finished: result.finished, steps };
}

function stepView(step: StepResult): TestStepView {
  return {
    status: step.status,
    input: step.input,
    output: step.output,
    error: step.error,
    durationMs: step.durationMs,
  };
}

/** How many rows (iterations or attempts) each node has; more than one is worth saying. */
export function stepCounts(result: Pick<TestRunResult, "steps">): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of result.steps) counts[step.nodeId] = (counts[step.nodeId] ?? 0) + 1;
  return counts;
}

/**
 * The sentence a person reads from a step's or run's error: the provider's own words when the
 * connector kept them, else the error's message. Errors are stored as JSON objects
 * (`ConnectorError.toJSON()`), but older rows and run-level errors may be plain text.
 */
export function errorMessageOf(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (typeof error === "string") return error;
  if (typeof error !== "object") return String(error);
  const record = error as Record<string, unknown>;
  const message = typeof record.message === "string" ? record.message : null;
  const provider = typeof record.providerMessage === "string" ? record.providerMessage : null;
  if (provider && message && !message.includes(provider)) return `${message} — the provider said: ${provider}`;
  return message ?? provider ?? JSON.stringify(error);
}

/** "240 ms", "1.2 s", "2 min 5 s". */
export function formatDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

export type StatusTone = "ok" | "warn" | "danger" | "neutral";

/** The badge colour of a run or step status. */
export function statusTone(status: string): StatusTone {
  switch (status) {
    case "succeeded":
      return "ok";
    case "failed":
    case "needs_attention":
      return "danger";
    case "queued":
    case "running":
    case "waiting":
      return "warn";
    default:
      return "neutral";
  }
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  queued: "Queued",
  running: "Running",
  waiting: "Waiting",
  succeeded: "Succeeded",
  failed: "Failed",
  needs_attention: "Needs attention",
  canceled: "Canceled",
  skipped: "Skipped",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}
