import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface LocalSecrets {
  secretKey: string;
  authSecret: string;
  /** True when the credentials key was just generated: the owner must back it up. */
  secretKeyCreated: boolean;
}

/**
 * Secrets the owner did not configure are generated once into the data folder, readable by the
 * owner only, so the embedded default needs no setup and survives restarts.
 */
export async function loadOrCreateSecrets(
  dataDir: string,
  configured: { secretKey?: string; authSecret?: string },
): Promise<LocalSecrets> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secretKeyFile = path.join(dataDir, "secret.key");
  const secretKeyCreated = !configured.secretKey && !existsSync(secretKeyFile);
  const secretKey =
    configured.secretKey ?? (await readOrCreate(secretKeyFile, () => randomBytes(32).toString("base64")));
  const authSecret =
    configured.authSecret ??
    (await readOrCreate(path.join(dataDir, "auth-secret"), () => randomBytes(32).toString("base64url")));
  return { secretKey, authSecret, secretKeyCreated };
}

async function readOrCreate(file: string, create: () => string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const value = create();
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  return value;
}
