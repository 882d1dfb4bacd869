import { embeddedConnectionString, startEmbeddedPostgres } from "@handoff/db/embedded-postgres";
import pg from "pg";
import type { CliEnv } from "./env";

/**
 * Runs a one-off command against DATABASE_URL, or against the embedded database (started for the
 * command and stopped after it) when no URL is set and `handoff start` is not already running it.
 */
export async function withDatabaseUrl<T>(env: CliEnv, use: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return use(env.DATABASE_URL);
  const running = await connectToRunningEmbedded(env);
  if (running) return use(running);
  const postgres = await startEmbeddedPostgres({ dataDir: env.HANDOFF_DATA_DIR, port: env.HANDOFF_PG_PORT });
  try {
    return await use(postgres.connectionString);
  } finally {
    await postgres.stop();
  }
}

async function connectToRunningEmbedded(env: CliEnv): Promise<string | undefined> {
  const url = await embeddedConnectionString(env.HANDOFF_DATA_DIR, env.HANDOFF_PG_PORT);
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
