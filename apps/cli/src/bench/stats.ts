import * as hdr from "hdr-histogram-js";

/** Percentiles of a list of millisecond samples (HDR histogram, 3 significant digits). */
export function percentiles(samplesMs: readonly number[]): { p50: number; p95: number; p99: number; count: number } {
  if (samplesMs.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, count: 0 };
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  // Recorded in microseconds so sub-millisecond latencies keep their precision.
  for (const sample of samplesMs) histogram.recordValue(Math.max(1, Math.round(sample * 1000)));
  const at = (p: number) => round(histogram.getValueAtPercentile(p) / 1000);
  return { p50: at(50), p95: at(95), p99: at(99), count: samplesMs.length };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
