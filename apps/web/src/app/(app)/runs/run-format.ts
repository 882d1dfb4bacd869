import type { RunListFilters, RunListItem } from "./types";

export type RunStatus = NonNullable<RunListFilters["status"]>;

/** In the order a run lives through them; the status filter lists them so. */
export const RUN_STATUS_LABELS = {
  queued: "Queued",
  running: "Running",
  waiting: "Waiting",
  succeeded: "Succeeded",
  failed: "Failed",
  needs_attention: "Needs attention",
  canceled: "Canceled",
} as const satisfies Record<RunStatus, string>;

export const RUN_STATUSES = Object.keys(RUN_STATUS_LABELS) as RunStatus[];

export function isRunStatus(value: string): value is RunStatus {
  return Object.hasOwn(RUN_STATUS_LABELS, value);
}

/** Statuses that will still change by themselves: the detail page polls while a run is in one. */
export const ACTIVE_RUN_STATUSES: ReadonlySet<string> = new Set<RunStatus>(["queued", "running", "waiting"]);

/** Run and step statuses alike (a step is running, succeeded, failed or skipped). */
export function statusLabel(status: string): string {
  if (isRunStatus(status)) return RUN_STATUS_LABELS[status];
  return status.charAt(0).toUpperCase() + status.slice(1).replaceAll("_", " ");
}

export function statusBadgeClass(status: string): string {
  switch (status) {
    case "succeeded":
      return "ho-badge ho-badge-ok";
    case "failed":
    case "needs_attention":
      return "ho-badge ho-badge-danger";
    case "queued":
    case "running":
    case "waiting":
      return "ho-badge ho-badge-warn";
    default:
      return "ho-badge";
  }
}

/** "850 ms", "2.3 s", "4 min 05 s", "2 h 03 min": precise when short, readable when long. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const sign = ms < 0 ? "−" : "";
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(Math.floor(abs / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(abs / 1_000);
  if (abs < 3_600_000) {
    return `${sign}${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  }
  const totalMinutes = Math.floor(totalSeconds / 60);
  return `${sign}${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, "0")} min`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** In the reader's locale and zone, like every time on the page. */
export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

/** The trigger's one-line summary; runs started before summaries existed fall back to their id. */
export function runTitle(run: Pick<RunListItem, "summary" | "id">): string {
  return run.summary.trim() || `Run ${run.id.slice(0, 8)}`;
}
