import type { SecretBox } from "@handoff/auth";
import type { Credentials } from "@handoff/connector-sdk";
import { type Database, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { credentialsHint } from "./credentials-hint";
import { validateBaseUrl, validateConnectionName, validateCredentials } from "./validate-credentials";

export interface CreateConnectionOptions {
  db: Database;
  secretBox: SecretBox;
  workspaceId: string;
  actorUserId: string | null;
  provider: string;
  name: string;
  environment: "test" | "live";
  credentials: Credentials;
  baseUrl?: string | null;
}

/** Checks the credentials against the connector's auth form, then stores them sealed. */
export async function createConnection(
  options: CreateConnectionOptions,
): Promise<{ id: string; credentialsHint: string }> {
  validateCredentials(options.provider, options.credentials);
  const name = validateConnectionName(options.name);
  const baseUrl = validateBaseUrl(options.baseUrl);
  const hint = credentialsHint(options.credentials);
  // The connection and its audit row commit together: no connection exists unrecorded.
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.connections)
      .values({
        workspaceId: options.workspaceId,
        provider: options.provider,
        name,
        environment: options.environment,
        credentialsEncrypted: options.secretBox.seal(JSON.stringify(options.credentials)),
        credentialsHint: hint,
        baseUrl,
        createdBy: options.actorUserId,
      })
      .returning({ id: schema.connections.id });
    if (!row) throw new Error("the connection was not stored");
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "connection.created",
      targetType: "connection",
      targetId: row.id,
      after: { provider: options.provider, name, environment: options.environment, baseUrl },
    });
    return { id: row.id, credentialsHint: hint };
  });
}
