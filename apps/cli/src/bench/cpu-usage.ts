import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/**
 * CPU time spent by each part of the stack, read from /proc (Linux only; elsewhere every figure is
 * 0). On a 2-core machine the parts compete for the same cores, so "milliseconds of CPU per run" per
 * part says where a throughput limit comes from before any profiler is opened.
 */
export type StackPart = "web" | "worker" | "postgres" | "other";

export type CpuSnapshot = Record<StackPart, number>;

const TICK_MS = 1000 / 100; // USER_HZ is 100 on every Linux Node supports

export function snapshotStackCpu(): CpuSnapshot {
  const totals: CpuSnapshot = { web: 0, worker: 0, postgres: 0, other: 0 };
  if (os.platform() !== "linux") return totals;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const sample = readProcess(entry);
    if (!sample) continue;
    const part = classify(sample.cmdline);
    if (!part) continue;
    // Exited postgres backends are folded into the postmaster's "children" times when it reaps them.
    const children = part === "postgres" && !sample.cmdline.includes("postgres:") ? sample.childTicks : 0;
    totals[part] += (sample.ownTicks + children) * TICK_MS;
  }
  totals.other += cpuMs(process.cpuUsage());
  return totals;
}

export function cpuSince(before: CpuSnapshot): CpuSnapshot {
  const now = snapshotStackCpu();
  return {
    web: now.web - before.web,
    worker: now.worker - before.worker,
    postgres: now.postgres - before.postgres,
    other: now.other - before.other,
  };
}

function classify(cmdline: string): StackPart | undefined {
  if (cmdline.includes("apps/worker/src/main.ts")) return "worker";
  if (cmdline.includes("server.ts")) return "web";
  if (/(^|\/)postgres\b|^postgres:/.test(cmdline)) return "postgres";
  return undefined;
}

function readProcess(pid: string) {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    // The command name in field 2 may hold spaces and parentheses; the fields after it do not.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const field = (n: number) => Number(fields[n - 3]); // fields numbered as in proc(5)
    return { cmdline, ownTicks: field(14) + field(15), childTicks: field(16) + field(17) };
  } catch {
    return undefined; // the process exited while we read it
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
