import { hostname } from "node:os";
import { type Database, eq, schema, sql } from "@handoff/db";

export interface HeartbeatOptions {
  db: Database;
  workerId: string;
  version: string;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Marks this worker alive every few seconds. Health reports it, and later the lock reaper uses
 * it to release the jobs of a worker that died without saying so.
 */
export async function startHeartbeat({
  db,
  workerId,
  version,
  intervalMs = 5_000,
  onError = () => {},
}: HeartbeatOptions) {
  const beat = () =>
    db
      .insert(schema.workerHeartbeats)
      .values({ workerId, hostname: hostname(), pid: process.pid, version })
      .onConflictDoUpdate({ target: schema.workerHeartbeats.workerId, set: { lastSeenAt: sql`now()` } });
  await beat();
  const timer = setInterval(() => beat().catch(onError), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await db.delete(schema.workerHeartbeats).where(eq(schema.workerHeartbeats.workerId, workerId));
    },
  };
}
