import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const DEMO_OWNER_EMAIL = "owner@demo.handoff.local";

/** The demo owner's password: configured, else generated once and kept beside the data. */
export async function loadOrCreateDemoPassword(dataDir: string, configured?: string): Promise<string> {
  const file = path.join(dataDir, "demo-login.json");
  if (existsSync(file)) {
    const saved = JSON.parse(await readFile(file, "utf8")) as { password: string };
    return saved.password;
  }
  const password = configured ?? randomBytes(9).toString("base64url");
  await writeFile(file, `${JSON.stringify({ email: DEMO_OWNER_EMAIL, password }, null, 2)}\n`, { mode: 0o600 });
  return password;
}
