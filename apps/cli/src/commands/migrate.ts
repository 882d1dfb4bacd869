import { migrateDatabase } from "@handoff/db/migrate";
import { migrateQueue } from "@handoff/worker";
import { readCliEnv } from "../env";
import { withDatabaseUrl } from "../with-database";

/** Applies Handoff's migrations and graphile-worker's own, then exits. */
export async function migrateCommand(): Promise<void> {
  await withDatabaseUrl(readCliEnv(), async (databaseUrl) => {
    await migrateDatabase(databaseUrl);
    await migrateQueue(databaseUrl);
    process.stdout.write("database is up to date\n");
  });
}
