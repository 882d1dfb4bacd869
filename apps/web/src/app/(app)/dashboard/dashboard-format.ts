import { formatDuration } from "../runs/run-format";
import type { FailingFlow, FlowLag } from "./types";

export { formatDuration };

/** "52.2%", or "—" when nothing finished. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const percent = (rate * 100).toFixed(1);
  return `${percent.endsWith(".0") ? percent.slice(0, -2) : percent}%`;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/**
 * "Tue 10 Mar" for a `yyyy-mm-dd` day of the workspace's zone: read as a UTC date and written in
 * UTC, so the reader's own zone cannot move it to the day before.
 */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** The run list filtered to one flow's runs needing a person (the runs list's URL filter names). */
export function failedRunsHref(flow: Pick<FailingFlow, "flowId">): string {
  return `/runs?${new URLSearchParams({ flowId: flow.flowId, status: "needs_attention" }).toString()}`;
}

/** The slowest flow at p95, or null when no flow finished a live run this week. */
export function worstLag(lags: readonly FlowLag[]): FlowLag | null {
  return lags.reduce<FlowLag | null>((worst, lag) => (worst === null || lag.p95Ms > worst.p95Ms ? lag : worst), null);
}

export type LagVerdict = "over" | "within" | "none";

export function lagVerdict(lag: Pick<FlowLag, "targetMs" | "overTarget">): LagVerdict {
  if (lag.targetMs === null) return "none";
  return lag.overTarget ? "over" : "within";
}
