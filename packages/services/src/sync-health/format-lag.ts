/** "45 s", "7 min", "5.5 min", "2 h 10 min", "3 d 4 h": short enough for one sentence. */
export function formatLag(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 10) return `${trimZero(seconds.toFixed(1))} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${trimZero(minutes.toFixed(1))} min`;
  const wholeMinutes = Math.round(minutes);
  if (wholeMinutes < 24 * 60) return withRest(Math.floor(wholeMinutes / 60), "h", wholeMinutes % 60, "min");
  const wholeHours = Math.round(minutes / 60);
  return withRest(Math.floor(wholeHours / 24), "d", wholeHours % 24, "h");
}

/** "2.5%", "30%": a rate between 0 and 1 as a percentage with at most one decimal. */
export function formatPercent(rate: number): string {
  return `${trimZero((rate * 100).toFixed(1))}%`;
}

function trimZero(fixed: string): string {
  return fixed.endsWith(".0") ? fixed.slice(0, -2) : fixed;
}

function withRest(whole: number, unit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${whole} ${unit}` : `${whole} ${unit} ${rest} ${restUnit}`;
}
