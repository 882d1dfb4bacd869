import { createDb } from "@handoff/db";
import { run } from "graphile-worker";
import type { WorkerEnv } from "./env";
import { startHeartbeat } from "./heartbeat";
import { quietLogger } from "./migrate-queue";
import { taskList } from "./tasks";

export interface StartWorkerOptions {
  env: WorkerEnv;
  log: (message: string) => void;
}

/** Runs the queue until stopped; the returned `stop` finishes in-flight jobs, then leaves. */
export async function startWorker({ env, log }: StartWorkerOptions) {
  const database = createDb({ connectionString: env.DATABASE_URL, max: 4, applicationName: "handoff-worker" });
  const heartbeat = await startHeartbeat({
    db: database.db,
    workerId: env.HANDOFF_WORKER_ID,
    version: env.HANDOFF_VERSION,
    onError: (error) => log(`heartbeat failed: ${String(error)}`),
  });
  const runner = await run({
    connectionString: env.DATABASE_URL,
    concurrency: env.HANDOFF_WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1_000,
    taskList,
    logger: quietLogger,
  });
  log(`worker ${env.HANDOFF_WORKER_ID} running with concurrency ${env.HANDOFF_WORKER_CONCURRENCY}`);
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        await runner.stop();
        await heartbeat.stop().catch(() => {});
        await database.close();
      })();
      return stopping;
    },
  };
}
