import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A Node process from the repository root, its stdout and stderr collected for assertions. */
export function spawnCaptured(args: string[], env: NodeJS.ProcessEnv, detached = false): WorkerProcess {
  const child = spawn(process.execPath, args, { cwd: root, env, detached, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The credentials key of every process a test starts (tests seal their connections with it). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

/** A real worker process (the same entry point `handoff start` runs), with fast heartbeats. */
export function startWorkerProcess(databaseUrl: string, workerId: string, concurrency = 10): WorkerProcess {
  return spawnCaptured(["--import", "tsx", "apps/worker/src/main.ts"], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HANDOFF_SECRET_KEY: TEST_SECRET_KEY,
    HANDOFF_WORKER_ID: workerId,
    HANDOFF_WORKER_CONCURRENCY: String(concurrency),
    HANDOFF_WORKER_HEARTBEAT_MS: "500",
    HANDOFF_WORKER_STALE_AFTER_MS: "3000",
  });
}

/** Resolves once the worker has said it is running. */
export async function workerReady(worker: WorkerProcess, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    () => worker.output().includes("running with concurrency"),
    timeoutMs,
    () => worker.output(),
  );
}

export async function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  await worker.exited;
}

/** The `handoff` command against the given database. */
export function runCli(args: string[], databaseUrl: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [`${root}apps/cli/bin/handoff.js`, ...args],
      { cwd: root, env: { ...process.env, HANDOFF_SECRET_KEY: TEST_SECRET_KEY, DATABASE_URL: databaseUrl, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, describe?: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms${describe ? `: ${describe()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
