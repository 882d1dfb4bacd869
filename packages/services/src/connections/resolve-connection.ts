import type { SecretBox } from "@handoff/auth";
import {
  type ActionConnection,
  authHeaders,
  authKindFor,
  ConnectorError,
  type Credentials,
  needsRefresh,
  type OAuth2Auth,
  refreshAccessToken,
} from "@handoff/connector-sdk";
import { getConnector } from "@handoff/connectors";
import { and, type Database, eq, schema, sql } from "@handoff/db";
import { assertRunMayUseConnection } from "./run-connection-policy";

export interface ResolveConnectionOptions {
  db: Database;
  secretBox: SecretBox;
  workspaceId: string;
  connectionId: string;
  /** The run asking, when a run asks: test vs live is enforced for it (see run-connection-policy.ts). */
  runId?: string;
  now?: () => Date;
  fetch?: typeof fetch;
}

type ConnectionRow = typeof schema.connections.$inferSelect;

/**
 * A stored connection as an action sees it: credentials opened, and for OAuth2 an access token
 * refreshed shortly before it expires. Refreshing takes a row lock so two workers do not both
 * spend a rotating refresh token; a refused refresh marks the connection `reconnect_needed`.
 */
export async function resolveConnection(options: ResolveConnectionOptions): Promise<ActionConnection> {
  const { db, secretBox, workspaceId, connectionId } = options;
  const [row] = await db
    .select()
    .from(schema.connections)
    .where(and(eq(schema.connections.id, connectionId), eq(schema.connections.workspaceId, workspaceId)));
  if (!row) {
    throw new ConnectorError({ code: "auth", message: `connection ${connectionId} does not exist in this workspace` });
  }
  if (options.runId) await assertRunMayUseConnection({ db, workspaceId, runId: options.runId, connection: row });
  if (row.status === "reconnect_needed") {
    throw new ConnectorError({
      code: "reconnect_needed",
      message: `the ${row.provider} connection "${row.name}" needs to be reconnected`,
    });
  }
  const connector = getConnector(row.provider);
  if (!connector) throw new ConnectorError({ code: "validation", message: `no connector "${row.provider}"` });
  let credentials = JSON.parse(secretBox.open(row.credentialsEncrypted)) as Credentials;
  const kind = authKindFor(connector.auth, credentials);
  const now = options.now ?? (() => new Date());

  return {
    id: row.id,
    environment: row.environment,
    get credentials() {
      return credentials;
    },
    ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
    async authHeaders() {
      if (kind.kind === "oauth2" && needsRefresh({ expiresAt: credentials.expiresAt ?? "" }, now())) {
        credentials = await refreshStored({ ...options, row, auth: kind, now });
      }
      return authHeaders(kind, credentials);
    },
  };
}

async function refreshStored(
  options: ResolveConnectionOptions & { row: ConnectionRow; auth: OAuth2Auth; now: () => Date },
): Promise<Credentials> {
  const { secretBox, row, auth } = options;
  const outcome = await options.db.transaction(
    async (tx): Promise<{ credentials: Credentials } | { error: unknown }> => {
      const [locked] = await tx
        .select({ credentialsEncrypted: schema.connections.credentialsEncrypted })
        .from(schema.connections)
        .where(eq(schema.connections.id, row.id))
        .for("update");
      const current = JSON.parse(
        secretBox.open(locked?.credentialsEncrypted ?? row.credentialsEncrypted),
      ) as Credentials;
      // Another worker refreshed while this one waited for the lock.
      if (!needsRefresh({ expiresAt: current.expiresAt ?? "" }, options.now())) return { credentials: current };
      try {
        const tokens = await refreshAccessToken({
          auth,
          clientId: current.clientId ?? "",
          clientSecret: current.clientSecret ?? "",
          refreshToken: current.refreshToken ?? "",
          ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
          now: options.now,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
        const next = { ...current, ...tokens };
        await tx
          .update(schema.connections)
          .set({ credentialsEncrypted: secretBox.seal(JSON.stringify(next)), updatedAt: sql`now()` })
          .where(eq(schema.connections.id, row.id));
        return { credentials: next };
      } catch (error) {
        return { error };
      }
    },
  );
  if ("credentials" in outcome) return outcome.credentials;
  if (outcome.error instanceof ConnectorError && outcome.error.code === "reconnect_needed") {
    await options.db
      .update(schema.connections)
      .set({ status: "reconnect_needed", updatedAt: sql`now()` })
      .where(eq(schema.connections.id, row.id));
  }
  throw outcome.error;
}
