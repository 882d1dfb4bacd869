import type { SecretBox } from "@handoff/auth";
import { type Database, sql } from "@handoff/db";

/**
 * Start-up check: the configured key must be the one the stored secrets were sealed with. A
 * wrong key is refused here, by name, instead of failing every run that needs a connection.
 */
export async function checkSecretKey(db: Database, secretBox: SecretBox): Promise<void> {
  const result = await db.execute<{ sealed: string }>(sql`
    select credentials_encrypted as sealed from connections
    union all select hook_secret_sealed from flows where hook_secret_sealed is not null
    limit 1`);
  const sealed = result.rows[0]?.sealed;
  if (!sealed) return;
  const storedKeyId = sealed.split(".")[1];
  if (storedKeyId !== secretBox.keyId) {
    throw new Error(
      `HANDOFF_SECRET_KEY (key ${secretBox.keyId}) is not the key the saved credentials were sealed with (key ${storedKeyId}). ` +
        "Use the original key (see .data/secret.key or your backup); `handoff rotate-key` changes keys safely.",
    );
  }
  secretBox.open(sealed);
}
