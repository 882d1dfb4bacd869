import { EventEmitter } from "node:events";
import { createSecretBox } from "@handoff/auth";
import { createDb } from "@handoff/db";
import { checkSecretKey } from "@handoff/services";
import { run, type WorkerEvents } from "graphile-worker";
import type { WorkerEnv } from "./env";
import { startHeartbeat } from "./heartbeat";
import { startLockReaper } from "./lock-reaper";
import { quietLogger } from "./migrate-queue";
import { createWorkerRunServices } from "./run-services";
import { createTaskList, crontab } from "./tasks";

export interface StartWorkerOptions {
  env: WorkerEnv;
  log: (message: string) => void;
  /** Heartbeat cadence; a worker silent for `staleAfterMs` is presumed dead and its jobs released. */
  heartbeatMs?: number;
  staleAfterMs?: number;
}

/** Runs the queue until stopped; the returned `stop` finishes in-flight jobs, then leaves. */
export async function startWorker({ env, log, heartbeatMs = 5_000, staleAfterMs = 30_000 }: StartWorkerOptions) {
  const database = createDb({
    connectionString: env.DATABASE_URL,
    max: env.HANDOFF_WORKER_CONCURRENCY + 2,
    applicationName: "handoff-worker",
  });
  const secretBox = createSecretBox(env.HANDOFF_SECRET_KEY);
  await checkSecretKey(database.db, secretBox);
  const queueWorkerIds: string[] = [];
  // Listening before `run` starts: the pool and its workers are created during the call. Jobs are
  // locked under the pool's id (0.17 fetches for the pool) or a worker's id, so record both.
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => queueWorkerIds.push(workerPool.id));
  events.on("worker:create", ({ worker }) => queueWorkerIds.push(worker.workerId));
  const runner = await run({
    connectionString: env.DATABASE_URL,
    concurrency: env.HANDOFF_WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1_000,
    taskList: createTaskList({
      db: database.db,
      log,
      services: createWorkerRunServices({ db: database.db, secretBox, publicUrl: env.HANDOFF_PUBLIC_URL }),
    }),
    crontab,
    logger: quietLogger,
    events,
    preset: {
      worker: {
        // Fetch a batch of jobs per query and complete finished ones in batches: the queue's
        // own statements were a large share of the worker's database round trips per run.
        localQueue: { size: env.HANDOFF_WORKER_CONCURRENCY + 1 },
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  const heartbeat = await startHeartbeat({
    db: database.db,
    workerId: env.HANDOFF_WORKER_ID,
    version: env.HANDOFF_VERSION,
    queueWorkerIds: () => queueWorkerIds,
    intervalMs: heartbeatMs,
    onError: (error) => log(`heartbeat failed: ${String(error)}`),
  });
  const reaper = startLockReaper({
    pool: database.pool,
    staleAfterMs,
    intervalMs: Math.max(1_000, Math.floor(staleAfterMs / 3)),
    onReaped: ({ deadWorkers, releasedJobs }) =>
      log(`released ${releasedJobs} job(s) held by stopped worker(s) ${deadWorkers.join(", ")}`),
    onError: (error) => log(`lock reaper failed: ${String(error)}`),
  });
  log(`worker ${env.HANDOFF_WORKER_ID} running with concurrency ${env.HANDOFF_WORKER_CONCURRENCY}`);
  let stopping: Promise<void> | undefined;
  return {
    queueWorkerIds: () => [...queueWorkerIds],
    stop() {
      stopping ??= (async () => {
        reaper.stop();
        await runner.stop();
        await heartbeat.stop().catch(() => {});
        await database.close();
      })();
      return stopping;
    },
  };
}
