import { and, asc, type Database, eq, schema } from "@handoff/db";

export interface ConnectionSummary {
  id: string;
  provider: string;
  name: string;
  environment: "test" | "live";
  /** "••••1234": all the browser ever sees of a secret. */
  credentialsHint: string;
  baseUrl: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A workspace's connections without their secrets, optionally for one provider/environment. */
export async function listConnections(options: {
  db: Database;
  workspaceId: string;
  provider?: string;
  environment?: "test" | "live";
}): Promise<ConnectionSummary[]> {
  const c = schema.connections;
  return options.db
    .select({
      id: c.id,
      provider: c.provider,
      name: c.name,
      environment: c.environment,
      credentialsHint: c.credentialsHint,
      baseUrl: c.baseUrl,
      status: c.status,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, options.workspaceId),
        options.provider ? eq(c.provider, options.provider) : undefined,
        options.environment ? eq(c.environment, options.environment) : undefined,
      ),
    )
    .orderBy(asc(c.provider), asc(c.name));
}
