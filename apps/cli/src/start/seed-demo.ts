import { createDb } from "@handoff/db";
import { seedDemoWorkspace } from "@handoff/services";
import type { CliEnv } from "../env";
import { DEMO_OWNER_EMAIL, loadOrCreateDemoPassword } from "./demo-login";

/** Seeds the demo workspace on a new embedded database; returns the demo login to print. */
export async function seedDemoIfNew({
  env,
  databaseUrl,
  say,
}: {
  env: CliEnv;
  databaseUrl: string;
  say: (m: string) => void;
}) {
  const password = await loadOrCreateDemoPassword(env.HANDOFF_DATA_DIR, env.HANDOFF_DEMO_PASSWORD);
  const database = createDb({ connectionString: databaseUrl, max: 1, applicationName: "handoff-seed" });
  try {
    const seeded = await seedDemoWorkspace({ db: database.db, ownerEmail: DEMO_OWNER_EMAIL, ownerPassword: password });
    if (seeded.created) say("created the demo workspace and its owner account");
  } finally {
    await database.close();
  }
  return { email: DEMO_OWNER_EMAIL, password };
}
