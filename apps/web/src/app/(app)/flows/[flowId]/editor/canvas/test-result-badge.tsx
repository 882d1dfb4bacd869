const TONES: Record<string, string> = {
  succeeded: "ho-badge-ok",
  failed: "ho-badge-danger",
  running: "ho-badge-warn",
  pending: "ho-badge-warn",
  retrying: "ho-badge-warn",
};

export function formatDuration(durationMs: number | null): string | null {
  if (durationMs === null) return null;
  return durationMs < 1_000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1_000).toFixed(1)} s`;
}

/** "Succeeded · 120 ms" on a node after a test run. */
export function TestResultBadge({ status, durationMs }: { status: string; durationMs: number | null }) {
  const word = status.replace(/_/g, " ");
  const text = [word.charAt(0).toUpperCase() + word.slice(1), formatDuration(durationMs)].filter(Boolean).join(" · ");
  return <span className={`ho-badge ${TONES[status] ?? ""}`.trim()}>Test: {text}</span>;
}
