/** Outcome colours, matching the badge colours of the run list (ok, danger, neutral, warn). */
export const OUTCOME_COLORS = {
  succeeded: "#2f9e5b",
  failed: "#d64534",
  canceled: "#9aa3b2",
  inProgress: "#e0a100",
} as const;

export const LAG_COLORS = { p50: "#7aa2f7", p95: "#3b5bdb", target: "#c0c7d4" } as const;
