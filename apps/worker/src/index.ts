export { readWorkerEnv, type WorkerEnv } from "./env";
export { migrateQueue } from "./migrate-queue";
export { startWorker } from "./start-worker";
