import type pg from "pg";
import { cpuSince, snapshotStackCpu } from "../cpu-usage";
import { postEvents } from "../load";
import type { BenchSink } from "../sink";
import { type BenchStack, rssMb } from "../stack";
import { round } from "../stats";
import { warmUp } from "../warm-up";

export interface ThroughputOptions {
  stack: BenchStack;
  sink: BenchSink;
  hookUrl: string;
  seconds: number;
  workers: number;
  concurrency: number;
  log: (message: string) => void;
  pool: pg.Pool;
}

/**
 * Scenario 1 (+4): webhooks offered as fast as they are accepted, with workers running. Completed
 * runs are counted at the sink; peak memory of web and workers is sampled meanwhile.
 */
export async function throughputScenario({
  stack,
  sink,
  hookUrl,
  seconds,
  workers,
  concurrency,
  log,
  pool,
}: ThroughputOptions) {
  const workerPids = stack.addWorkers(workers, concurrency);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the workers connect
  await warmUp({ hookUrl, pool, rate: 100 });
  sink.reset();
  const peak = { web: 0, worker: 0 };
  const webPid = stack.webPid();
  const sampler = setInterval(() => {
    peak.web = Math.max(peak.web, rssMb(webPid));
    for (const pid of workerPids) peak.worker = Math.max(peak.worker, rssMb(pid));
  }, 250);

  const accepted = new Set<string>();
  let next = 0;
  const prefix = `tp-${Date.now()}-`;
  const start = performance.now();
  const cpuBefore = snapshotStackCpu();
  await postEvents({
    url: hookUrl,
    durationSeconds: seconds,
    connections: 32,
    nextId: () => `${prefix}${next++}`,
    onAnswer: (id, status) => status === 202 && accepted.add(id),
  });
  log(`throughput: ${accepted.size} accepted in ${seconds} s; draining`);
  await drain(sink, accepted, 120_000);
  const cpu = cpuSince(cpuBefore);
  clearInterval(sampler);
  await stack.stopWorkers();

  const completed = [...accepted].filter((id) => sink.firstSeen.has(id));
  const lastAt = Math.max(...completed.map((id) => sink.firstSeen.get(id) ?? 0));
  return {
    accepted_per_s: round(accepted.size / seconds, 1),
    completed_runs_per_s: round(completed.length / ((lastAt - start) / 1000), 1),
    lost: accepted.size - completed.length,
    duplicates: sink.calls() - sink.firstSeen.size,
    worker_peak_rss_mb: round(peak.worker, 0),
    web_peak_rss_mb: round(peak.web, 0),
    // Where each run's CPU went ("other" is this process: the load generator and the sink).
    cpu_ms_per_run_web: round(cpu.web / completed.length, 3),
    cpu_ms_per_run_worker: round(cpu.worker / completed.length, 3),
    cpu_ms_per_run_postgres: round(cpu.postgres / completed.length, 3),
    cpu_ms_per_run_load_and_sink: round(cpu.other / completed.length, 3),
  };
}

/** Waits until the sink has seen every accepted event, or nothing arrives for 15 s. */
async function drain(sink: BenchSink, accepted: ReadonlySet<string>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastCount = -1;
  let lastProgress = Date.now();
  while (Date.now() < deadline) {
    const seen = [...accepted].filter((id) => sink.firstSeen.has(id)).length;
    if (seen === accepted.size) return;
    if (seen !== lastCount) {
      lastCount = seen;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > 15_000) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
