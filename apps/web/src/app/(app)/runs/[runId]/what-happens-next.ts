import { formatDateTime } from "../run-format";
import type { RecordedError } from "./run-error";

/** Codes where the provider refused what was sent: the same request will be refused again. */
const DATA_REFUSED = new Set(["validation", "client_error", "not_found", "conflict", "too_large"]);
const CONNECTION_REFUSED = new Set(["auth", "reconnect_needed"]);

export interface OutlookInput {
  runStatus: string;
  /** The run's error, or the step's when describing a step. */
  error: RecordedError | null;
  /** Attempts made so far at the failing step. */
  attempt: number | null;
  formatTime?: (iso: string) => string;
}

/**
 * What Handoff will do next, in one sentence: retry at a time, continue after a wait, or nothing
 * until a person acts (and which action fits the error). Null when there is nothing to say.
 */
export function whatHappensNext({
  runStatus,
  error,
  attempt,
  formatTime = formatDateTime,
}: OutlookInput): string | null {
  switch (runStatus) {
    case "queued":
      return "Queued: the worker picks it up within seconds.";
    case "running":
      return "Running now.";
    case "waiting":
      if (error?.retryAt) {
        const next = attempt === null ? "" : ` (attempt ${attempt + 1})`;
        return `Handoff will retry ${error.nodeLabel ? `“${error.nodeLabel}” ` : ""}at ${formatTime(error.retryAt)}${next}.`;
      }
      if (error?.waitingUntil) return `Waiting for a delay: it continues at ${formatTime(error.waitingUntil)}.`;
      return "Waiting: it continues by itself.";
    case "needs_attention":
      return needsAttention(error, attempt);
    case "failed":
      return "Failed for good: nothing happens by itself. Retry or replay it if it still matters.";
    case "canceled":
      return "Canceled: nothing more will happen.";
    case "succeeded":
      // Only a step can fail inside a run that succeeded: one set to continue on error.
      return error ? "The flow went on past this error: the step is set to continue on error." : null;
    default:
      return null;
  }
}

function needsAttention(error: RecordedError | null, attempt: number | null): string {
  const code = error?.code ?? "";
  if (CONNECTION_REFUSED.has(code)) {
    return "Needs attention: the provider refused the connection. Reconnect it on the Connections page, then retry.";
  }
  if (DATA_REFUSED.has(code)) {
    return "Needs attention: the provider refused the data, so retrying alone will not help. Replay with an edited payload, or fix the flow and retry.";
  }
  if (error?.kind === "retriable") {
    const tries = attempt === null ? "several times" : `${attempt} ${attempt === 1 ? "time" : "times"}`;
    return `Needs attention: Handoff tried ${tries} and stopped retrying. Retry once the provider is back, or cancel it.`;
  }
  return "Needs attention: nothing happens until someone retries, replays or cancels it.";
}
