import type { SecretBox } from "@handoff/auth";
import type { Credentials } from "@handoff/connector-sdk";
import { and, type Database, eq, schema } from "@handoff/db";
import { createConnection } from "./create-connection";

export interface EnsureConnectionOptions {
  db: Database;
  secretBox: SecretBox;
  workspaceId: string;
  provider: string;
  name: string;
  environment: "test" | "live";
  credentials: Credentials;
  baseUrl?: string;
}

/**
 * Creates the connection unless the workspace already has one of that provider and name, and
 * points an existing one at `baseUrl` (the sandbox may have moved port between starts).
 */
export async function ensureConnection(options: EnsureConnectionOptions): Promise<{ id: string; created: boolean }> {
  const c = schema.connections;
  const [existing] = await options.db
    .select({ id: c.id, baseUrl: c.baseUrl })
    .from(c)
    .where(and(eq(c.workspaceId, options.workspaceId), eq(c.provider, options.provider), eq(c.name, options.name)));
  if (existing) {
    if (options.baseUrl && existing.baseUrl !== options.baseUrl) {
      await options.db.update(c).set({ baseUrl: options.baseUrl }).where(eq(c.id, existing.id));
    }
    return { id: existing.id, created: false };
  }
  const created = await createConnection({ ...options, actorUserId: null });
  return { id: created.id, created: true };
}
