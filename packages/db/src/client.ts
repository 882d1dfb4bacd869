import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export interface CreateDbOptions {
  connectionString: string;
  /** Pool size; the web app and each worker size this to their concurrency. */
  max?: number;
  applicationName?: string;
}

export function createDb({ connectionString, max = 10, applicationName = "handoff" }: CreateDbOptions) {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName });
  // An idle client losing its connection (e.g. the server restarting) must not crash the process;
  // the next query gets a fresh connection.
  pool.on("error", () => {});
  const db = drizzle({ client: pool, schema });
  return { db, pool, close: () => pool.end() };
}

export type Database = ReturnType<typeof createDb>["db"];
export type DbHandle = ReturnType<typeof createDb>;
