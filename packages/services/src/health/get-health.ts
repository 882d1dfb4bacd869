import { type Database, desc, schema } from "@handoff/db";

/** A worker whose heartbeat is older than this is considered gone. */
export const WORKER_STALE_AFTER_MS = 60_000;

export interface Health {
  status: "ok" | "degraded" | "down";
  db: "up" | "down";
  worker: { status: "up" | "down" | "unknown"; lastHeartbeatAt: string | null; live: number };
  version: string;
}

export interface GetHealthOptions {
  db: Database;
  version: string;
  now?: Date;
}

/** The database decides `down`; a missing worker only degrades (events are still accepted and queued). */
export async function getHealth({ db, version, now = new Date() }: GetHealthOptions): Promise<Health> {
  let beats: { lastSeenAt: Date }[];
  try {
    beats = await db
      .select({ lastSeenAt: schema.workerHeartbeats.lastSeenAt })
      .from(schema.workerHeartbeats)
      .orderBy(desc(schema.workerHeartbeats.lastSeenAt))
      .limit(50);
  } catch {
    return { status: "down", db: "down", worker: { status: "unknown", lastHeartbeatAt: null, live: 0 }, version };
  }
  const live = beats.filter((beat) => now.getTime() - beat.lastSeenAt.getTime() < WORKER_STALE_AFTER_MS).length;
  const latest = beats[0]?.lastSeenAt ?? null;
  return {
    status: live > 0 ? "ok" : "degraded",
    db: "up",
    worker: { status: live > 0 ? "up" : "down", lastHeartbeatAt: latest?.toISOString() ?? null, live },
    version,
  };
}
