import { createSecretBox } from "@handoff/auth";
import { createDb } from "@handoff/db";
import { seedDemoWorkspace } from "@handoff/services";
import type { CliEnv } from "../env";
import { ensureDemoConnections } from "./demo-connections";
import { DEMO_OWNER_EMAIL, loadOrCreateDemoPassword } from "./demo-login";

/** Seeds the demo workspace on a new embedded database; returns the demo login to print. */
export async function seedDemoIfNew({
  env,
  databaseUrl,
  say,
  secretKey,
}: {
  env: CliEnv;
  databaseUrl: string;
  say: (m: string) => void;
  secretKey: string;
}) {
  const password = await loadOrCreateDemoPassword(env.HANDOFF_DATA_DIR, env.HANDOFF_DEMO_PASSWORD);
  const database = createDb({ connectionString: databaseUrl, max: 1, applicationName: "handoff-seed" });
  try {
    const seeded = await seedDemoWorkspace({ db: database.db, ownerEmail: DEMO_OWNER_EMAIL, ownerPassword: password });
    if (seeded.created) say("created the demo workspace and its owner account");
    await ensureDemoConnections({
      db: database.db,
      secretBox: createSecretBox(secretKey),
      sandbox: { url: `http://127.0.0.1:${env.HANDOFF_SANDBOX_PORT}`, smtpPort: env.HANDOFF_SMTP_PORT },
      say,
    });
  } finally {
    await database.close();
  }
  return { email: DEMO_OWNER_EMAIL, password };
}
