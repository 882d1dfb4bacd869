import { readFileSync } from "node:fs";
import path from "node:path";
import { createSecretBox, type SecretBox } from "@handoff/auth";
import { asc, createDb, type Database, schema } from "@handoff/db";
import { type CliEnv, readCliEnv } from "./env";
import { withDatabaseUrl } from "./with-database";

export interface CliServices {
  db: Database;
  /** The installation's workspace (the first one: Handoff installs hold one). */
  workspaceId: () => Promise<string>;
  /**
   * Opens and seals connection credentials: HANDOFF_SECRET_KEY, else the key `handoff start`
   * generated. Loaded on first use, so commands that touch no credential need no key.
   */
  secretBox: SecretBox;
  /** Where providers reach this installation (webhook subscriptions point there). */
  publicUrl: string;
}

function lazySecretBox(env: CliEnv): SecretBox {
  let box: SecretBox | undefined;
  const load = () => {
    box ??= loadSecretBox(env);
    return box;
  };
  return {
    get keyId() {
      return load().keyId;
    },
    seal: (plaintext) => load().seal(plaintext),
    open: (sealed) => load().open(sealed),
  };
}

function loadSecretBox(env: CliEnv): SecretBox {
  if (env.HANDOFF_SECRET_KEY) return createSecretBox(env.HANDOFF_SECRET_KEY);
  const file = path.join(env.HANDOFF_DATA_DIR, "secret.key");
  try {
    return createSecretBox(readFileSync(file, "utf8").trim());
  } catch {
    throw new Error(`No credentials key: set HANDOFF_SECRET_KEY (or run \`handoff start\` once to create ${file})`);
  }
}

/** Opens the database for one command and closes it after, whatever happens. */
export async function withServices<T>(use: (services: CliServices) => Promise<T>): Promise<T> {
  const env = readCliEnv();
  return withDatabaseUrl(env, async (databaseUrl) => {
    const database = createDb({ connectionString: databaseUrl, max: 2, applicationName: "handoff-cli" });
    try {
      return await use({
        db: database.db,
        secretBox: lazySecretBox(env),
        publicUrl: env.HANDOFF_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
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
