import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/** The committed SQL migrations at the repository root. */
export const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

/** Applies every pending drizzle migration (the `public` schema only). */
export async function migrateDatabase(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "handoff-migrate" });
  await client.connect();
  try {
    // Migrations are quiet by design; the notices of IF NOT EXISTS are noise to the person starting Handoff.
    await client.query("set client_min_messages = warning");
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}
