import { Logger, runMigrations } from "graphile-worker";

/** Creates or upgrades graphile-worker's own `graphile_worker` schema (drizzle keeps to `public`). */
export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quietLogger });
}

export const quietLogger = new Logger(() => () => {});
