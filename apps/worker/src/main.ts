import { readWorkerEnv } from "./env";
import { startWorker } from "./start-worker";

const log = (message: string) => process.stdout.write(`${message}\n`);

const env = readWorkerEnv();
const worker = await startWorker({
  env,
  log,
  heartbeatMs: env.HANDOFF_WORKER_HEARTBEAT_MS,
  staleAfterMs: env.HANDOFF_WORKER_STALE_AFTER_MS,
});

let exiting = false;
async function shutdown(reason: string) {
  if (exiting) return;
  exiting = true;
  log(`stopping (${reason})`);
  const forced = setTimeout(() => process.exit(1), 25_000);
  forced.unref();
  await worker.stop();
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
// Started by `handoff start` with an IPC channel: if the supervisor dies, so does the worker.
process.on("disconnect", () => void shutdown("supervisor gone"));
