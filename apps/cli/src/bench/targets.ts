/** The targets of issue #4, as [key, comparison, value, unit]. */
export const TARGETS = {
  completed_runs_per_s: { atLeast: 1_000 },
  latency_p50_ms: { atMost: 15 },
  latency_p99_ms: { atMost: 100 },
  ingest_accepted_per_s: { atLeast: 2_000 },
  lost: { atMost: 0 },
  duplicates: { atMost: 0 },
  worker_peak_rss_mb: { atMost: 300 },
  web_peak_rss_mb: { atMost: 500 },
  history_list_p95_ms: { atMost: 50 },
  history_filter_p95_ms: { atMost: 50 },
  history_key_search_p95_ms: { atMost: 50 },
  start_seconds: { atMost: 15 },
} as const satisfies Record<string, { atLeast: number } | { atMost: number }>;

/** A plain-text table: figure, value, target, and whether it is met. */
export function renderTable(results: Record<string, number>): string {
  const rows = Object.entries(results).map(([key, value]) => {
    const target = (TARGETS as Record<string, { atLeast?: number; atMost?: number }>)[key];
    const goal = target ? (target.atLeast !== undefined ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`) : "";
    const met = !target ? "" : target.atLeast !== undefined ? value >= target.atLeast : value <= (target.atMost ?? 0);
    return [key, String(value), goal, met === "" ? "" : met ? "ok" : "MISSED"];
  });
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((row) => (row[i] ?? "").length), ["figure", "value", "target", ""][i]?.length ?? 0),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(["figure", "value", "target", ""]), ...rows.map(line)].join("\n");
}
