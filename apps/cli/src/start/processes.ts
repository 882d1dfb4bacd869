import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Copies a child's output to ours, each line prefixed with the child's name. */
function pipeWithPrefix(child: ChildProcess, name: string) {
  const prefix = `[${name}] `;
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => target.write(`${prefix}${line}\n`));
  }
}

export function runToCompletion(spec: ProcessSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ["ignore", "pipe", "pipe"] });
    pipeWithPrefix(child, spec.name);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${spec.name} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export interface SupervisedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a long-running child with an IPC channel: a Node child that sees the channel close knows
 * its supervisor is gone and exits, so even a killed supervisor leaves no orphan behind.
 */
export function startSupervised(spec: ProcessSpec): SupervisedProcess {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  pipeWithPrefix(child, spec.name);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { name: spec.name, child, exited };
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the child is gone. */
export async function stopSupervised(proc: SupervisedProcess, graceMs = 15_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  await proc.exited;
  clearTimeout(timer);
}
