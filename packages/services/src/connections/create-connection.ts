import type { SecretBox } from "@handoff/auth";
import { authKindFor, type Credentials, credentialsSchemaFor } from "@handoff/connector-sdk";
import { getConnector } from "@handoff/connectors";
import { type Database, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { ConnectionInputError } from "./errors";

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

/** What the browser may see of a secret: its last four characters. */
export function credentialsHint(credentials: Credentials): string {
  const secret = credentials.token ?? credentials.apiKey ?? credentials.password ?? credentials.accessToken ?? "";
  return secret.length >= 8 ? `••••${secret.slice(-4)}` : "••••";
}

/** Checks the credentials against the connector's auth form, then stores them sealed. */
export async function createConnection(options: CreateConnectionOptions): Promise<{ id: string }> {
  const connector = getConnector(options.provider);
  if (!connector) throw new ConnectionInputError("provider", `There is no "${options.provider}" connector`);
  const name = options.name.trim();
  if (!name) throw new ConnectionInputError("name", "Give the connection a name");
  let kind: ReturnType<typeof authKindFor>;
  try {
    kind = authKindFor(connector.auth, options.credentials);
  } catch {
    throw new ConnectionInputError("credentials", `These credentials do not fit how ${connector.name} connects`);
  }
  const parsed = credentialsSchemaFor(kind)?.safeParse(options.credentials);
  if (parsed && !parsed.success) {
    const problem = parsed.error.issues[0];
    throw new ConnectionInputError(`credentials.${problem?.path.join(".") ?? ""}`, problem?.message ?? "invalid");
  }
  if (options.baseUrl && !URL.canParse(options.baseUrl)) {
    throw new ConnectionInputError("baseUrl", "The API address must be a full URL");
  }
  const [row] = await options.db
    .insert(schema.connections)
    .values({
      workspaceId: options.workspaceId,
      provider: options.provider,
      name,
      environment: options.environment,
      credentialsEncrypted: options.secretBox.seal(JSON.stringify(options.credentials)),
      credentialsHint: credentialsHint(options.credentials),
      baseUrl: options.baseUrl ?? null,
      createdBy: options.actorUserId,
    })
    .returning({ id: schema.connections.id });
  if (!row) throw new Error("the connection was not stored");
  await recordAudit({
    db: options.db,
    workspaceId: options.workspaceId,
    actorUserId: options.actorUserId,
    action: "connection.created",
    targetType: "connection",
    targetId: row.id,
    after: { provider: options.provider, name, environment: options.environment, baseUrl: options.baseUrl ?? null },
  });
  return row;
}
