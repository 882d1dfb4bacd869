import { createSecretBox } from "@handoff/auth";
import { createDb } from "@handoff/db";
import { checkSecretKey } from "@handoff/services";

/** Refuses to start with a key the stored credentials were not sealed with. */
export async function verifySecretKey(databaseUrl: string, secretKey: string): Promise<void> {
  const database = createDb({ connectionString: databaseUrl, max: 1, applicationName: "handoff-start" });
  try {
    await checkSecretKey(database.db, createSecretBox(secretKey));
  } finally {
    await database.close();
  }
}
