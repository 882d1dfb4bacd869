import { hostname } from "node:os";
import { type Database, eq, schema, sql } from "@handoff/db";

export interface HeartbeatOptions {
  db: Database;
  workerId: string;
  version: string;
  /** graphile-worker's ids for this process's workers, known once the runner has started them. */
  queueWorkerIds: () => string[];
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Marks this worker alive every few seconds. Health reports it, and the lock reaper of any other
 * worker uses it to release the jobs of a worker that died without saying so.
 */
export async function startHeartbeat({
  db,
  workerId,
  version,
  queueWorkerIds,
  intervalMs = 5_000,
  onError = () => {},
}: HeartbeatOptions) {
  const beat = () =>
    db
      .insert(schema.workerHeartbeats)
      .values({ workerId, hostname: hostname(), pid: process.pid, version, queueWorkerIds: queueWorkerIds() })
      .onConflictDoUpdate({
        target: schema.workerHeartbeats.workerId,
        set: { lastSeenAt: sql`now()`, queueWorkerIds: queueWorkerIds() },
      });
  await beat();
  const timer = setInterval(() => beat().catch(onError), intervalMs);
  timer.unref();
  return {
    beat,
    async stop() {
      clearInterval(timer);
      await db.delete(schema.workerHeartbeats).where(eq(schema.workerHeartbeats.workerId, workerId));
    },
  };
}
