import { asc, createDb, type Database, schema } from "@handoff/db";
import { readCliEnv } from "./env";
import { withDatabaseUrl } from "./with-database";

export interface CliServices {
  db: Database;
  /** The installation's workspace (the first one: Handoff installs hold one). */
  workspaceId: () => Promise<string>;
}

/** Opens the database for one command and closes it after, whatever happens. */
export async function withServices<T>(use: (services: CliServices) => Promise<T>): Promise<T> {
  return withDatabaseUrl(readCliEnv(), async (databaseUrl) => {
    const database = createDb({ connectionString: databaseUrl, max: 2, applicationName: "handoff-cli" });
    try {
      return await use({
        db: database.db,
        async workspaceId() {
          const [first] = await database.db
            .select({ id: schema.workspaces.id })
            .from(schema.workspaces)
            .orderBy(asc(schema.workspaces.createdAt))
            .limit(1);
          if (!first) throw new Error("No workspace yet: create the owner with `handoff create-user --role owner`");
          return first.id;
        },
      });
    } finally {
      await database.close();
    }
  });
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
