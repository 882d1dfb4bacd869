import type pg from "pg";
import type { BenchSink } from "../sink";
import type { BenchStack } from "../stack";
import { percentiles } from "../stats";
import { steadyPosts } from "../steady-posts";
import { warmUp } from "../warm-up";

/** Scenario 2: a steady offered rate; latency is webhook POST sent → sink receives the call. */
export async function latencyScenario(options: {
  stack: BenchStack;
  sink: BenchSink;
  hookUrl: string;
  seconds: number;
  rate: number;
  workers: number;
  concurrency: number;
  pool: pg.Pool;
}) {
  const { stack, sink, hookUrl, seconds, rate, workers, concurrency, pool } = options;
  sink.reset();
  stack.addWorkers(workers, concurrency);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await warmUp({ hookUrl, pool, rate });
  const sentAt = new Map<string, number>();
  let next = 0;
  const prefix = `lat-${Date.now()}-`;
  await steadyPosts({
    url: hookUrl,
    rate,
    seconds,
    nextId: () => `${prefix}${next++}`,
    onSent: (id, at) => sentAt.set(id, at),
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && [...sentAt.keys()].some((id) => !sink.firstSeen.has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stack.stopWorkers();
  const samples = [...sentAt].flatMap(([id, at]) => {
    const seen = sink.firstSeen.get(id);
    return seen === undefined ? [] : [seen - at];
  });
  const { p50, p95, p99, count } = percentiles(samples);
  return { offered_per_s: rate, latency_p50_ms: p50, latency_p95_ms: p95, latency_p99_ms: p99, latency_samples: count };
}
