import { type Database, sql } from "@handoff/db";

export interface HookTarget {
  flowId: string;
  workspaceId: string;
  status: "active" | "paused";
  hookSecretSealed: string | null;
  /** Set when the provider chose the signing secret at subscription (Stripe's whsec_…). */
  signingSecretSealed: string | null;
  versionId: string | null;
}

/** The flow listening at a hook id, and its current published version's id. */
export async function findHookTarget(db: Database, hookId: string): Promise<HookTarget | null> {
  const result = await db.execute<{
    flow_id: string;
    workspace_id: string;
    status: "active" | "paused";
    hook_secret_sealed: string | null;
    signing_secret_sealed: string | null;
    version_id: string | null;
  }>(sql`
    select f.id as flow_id, f.workspace_id, f.status, f.hook_secret_sealed, s.signing_secret_sealed,
           f.current_version_id as version_id
      from flows f
      left join trigger_subscriptions s on s.flow_id = f.id
     where f.hook_id = ${hookId} and f.deleted_at is null`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    flowId: row.flow_id,
    workspaceId: row.workspace_id,
    status: row.status,
    hookSecretSealed: row.hook_secret_sealed,
    signingSecretSealed: row.signing_secret_sealed,
    versionId: row.version_id,
  };
}

/** The graph of a published version (fetched only when the parsed trigger is not cached). */
export async function loadVersionGraph(db: Database, versionId: string): Promise<unknown> {
  const result = await db.execute<{ graph: unknown }>(sql`select graph from flow_versions where id = ${versionId}`);
  return result.rows[0]?.graph ?? null;
}
