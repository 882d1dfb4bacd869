import type { SecretBox } from "@handoff/auth";
import { authKindFor, type ConnectorDefinition, type Credentials } from "@handoff/connector-sdk";
import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { credentialsHint } from "./credentials-hint";
import { lockedConnection } from "./locked-connection";
import { validateCredentials } from "./validate-credentials";

export interface ReplaceConnectionCredentialsOptions {
  db: Database;
  secretBox: SecretBox;
  workspaceId: string;
  connectionId: string;
  credentials: Credentials;
  actorUserId: string | null;
}

/**
 * Seals new credentials over the old ones (a rotated key, a reconnected account) and marks the
 * connection usable again. The audit row says the secret changed by its hints only.
 */
export async function replaceConnectionCredentials(
  options: ReplaceConnectionCredentialsOptions,
): Promise<{ id: string; credentialsHint: string }> {
  const { db, secretBox, workspaceId, connectionId, actorUserId } = options;
  return db.transaction(async (tx) => {
    const row = await lockedConnection(tx, workspaceId, connectionId);
    const connector = validateCredentials(row.provider, options.credentials);
    const credentials = keepExtras(connector, openPrevious(secretBox, row.credentialsEncrypted), options.credentials);
    const hint = credentialsHint(credentials);
    await tx
      .update(schema.connections)
      .set({
        credentialsEncrypted: secretBox.seal(JSON.stringify(credentials)),
        credentialsHint: hint,
        status: "ok",
        updatedAt: sql`now()`,
      })
      .where(eq(schema.connections.id, row.id));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "connection.rotated",
      targetType: "connection",
      targetId: row.id,
      before: { credentialsHint: row.credentialsHint, status: row.status },
      after: { credentialsHint: hint, status: "ok" },
    });
    return { id: row.id, credentialsHint: hint };
  });
}

/** The stored credentials, or none when they no longer open: replacing is how that gets fixed. */
function openPrevious(secretBox: SecretBox, sealed: string): Credentials {
  try {
    return JSON.parse(secretBox.open(sealed)) as Credentials;
  } catch {
    return {};
  }
}

/**
 * The browser form holds only the auth kind's fields, but a connection may carry more that the
 * connector needs (HubSpot's webhook triggers read `clientSecret`, `developerApiKey`, `appId`).
 * Replacing the token of the same kind keeps those; switching kind (OAuth → private app token)
 * starts clean, so no stale token of the other kind lingers sealed.
 */
function keepExtras(connector: ConnectorDefinition, previous: Credentials, next: Credentials): Credentials {
  const kindOf = (credentials: Credentials) => {
    try {
      return authKindFor(connector.auth, credentials);
    } catch {
      return undefined;
    }
  };
  return kindOf(previous) === kindOf(next) ? { ...previous, ...next } : next;
}
