// Also loaded by server.ts outside Next.js (the hook fast path), so no "server-only" marker here.
import { createDb, type DbHandle } from "@handoff/db";
import { readWebEnv } from "~/env";

// One pool per server process, kept across hot paths and route modules.
const globalForDb = globalThis as unknown as { handoffDb?: DbHandle };

export function getDb() {
  globalForDb.handoffDb ??= createDb({
    connectionString: readWebEnv().DATABASE_URL,
    max: 10,
    applicationName: "handoff-web",
  });
  return globalForDb.handoffDb.db;
}
