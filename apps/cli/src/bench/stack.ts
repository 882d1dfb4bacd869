import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { embeddedConnectionString } from "@handoff/db/embedded-postgres";
import { repoRoot } from "../paths";
import { WORKER_NODE_FLAGS } from "../start/worker-node-flags";

export interface BenchStackOptions {
  dataDir: string;
  ports: { web: number; pg: number; sandbox: number; smtp: number };
  /** An external database instead of the embedded one. */
  databaseUrl?: string;
  /** Write a V8 CPU profile of every worker process into this folder. */
  profileDir?: string;
  log: (message: string) => void;
}

/**
 * The product as `npm start` runs it (so the numbers are the product's), but with no worker:
 * scenarios add worker processes themselves, and measure ingest with none running.
 */
export async function startBenchStack({ dataDir, ports, databaseUrl, profileDir, log }: BenchStackOptions) {
  const startedAt = performance.now();
  const handoff = spawn(process.execPath, [path.join(repoRoot, "apps/cli/bin/handoff.js"), "start"], {
    cwd: repoRoot,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? "",
      HANDOFF_DATA_DIR: dataDir,
      HANDOFF_WORKERS: "0",
      PORT: String(ports.web),
      HANDOFF_PG_PORT: String(ports.pg),
      HANDOFF_SANDBOX_PORT: String(ports.sandbox),
      HANDOFF_SMTP_PORT: String(ports.smtp),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  handoff.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  handoff.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => handoff.once("exit", () => resolve()));
  while (!output.includes("Handoff is ready")) {
    if (handoff.exitCode !== null) throw new Error(`handoff start failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startSeconds = (performance.now() - startedAt) / 1000;
  log(`stack up in ${startSeconds.toFixed(1)} s`);
  const url = databaseUrl ?? (await embeddedConnectionString(dataDir, ports.pg));
  if (!url) throw new Error(`No embedded database in ${dataDir}`);
  const workers: ChildProcess[] = [];
  return {
    databaseUrl: url,
    webUrl: `http://127.0.0.1:${ports.web}`,
    startSeconds,
    webPid: () => childPid(handoff.pid ?? 0, "server.ts"),
    /** Starts worker processes (the same entry point `handoff start` uses). */
    addWorkers(count: number, concurrency: number) {
      for (let i = 0; i < count; i++) {
        const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
        const worker = spawn(
          process.execPath,
          [...profile, ...WORKER_NODE_FLAGS, "--import", "tsx", path.join(repoRoot, "apps/worker/src/main.ts")],
          {
            cwd: repoRoot,
            env: {
              ...process.env,
              DATABASE_URL: url,
              HANDOFF_SECRET_KEY:
                process.env.HANDOFF_SECRET_KEY || readFileSync(path.join(dataDir, "secret.key"), "utf8"),
              HANDOFF_WORKER_CONCURRENCY: String(concurrency),
              HANDOFF_WORKER_ID: `bench-${workers.length + 1}`,
            },
            stdio: ["ignore", "ignore", "inherit"],
          },
        );
        workers.push(worker);
      }
      return workers.map((worker) => worker.pid ?? 0);
    },
    async stopWorkers() {
      await Promise.all(workers.splice(0).map((worker) => stopChild(worker)));
    },
    async stop() {
      await Promise.all(workers.splice(0).map((worker) => stopChild(worker)));
      if (handoff.exitCode === null) process.kill(-(handoff.pid ?? 0), "SIGINT");
      await exited;
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

function childPid(parentPid: number, marker: string): number | undefined {
  const listing = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(parentPid)], { encoding: "utf8" });
  const line = listing.split("\n").find((entry) => entry.includes(marker));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/**
 * Resident set size in MB (what the kernel says the process holds in memory). Read from /proc
 * where there is one: sampling must not cost the machine under test a process spawn every time.
 */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // no /proc (macOS) or the process is gone: ask ps
  }
  try {
    return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024;
  } catch {
    return 0;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
