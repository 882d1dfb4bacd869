import { type Database, sql } from "@handoff/db";
import { toTextArray } from "./enqueue-run";

export interface HookTarget {
  flowId: string;
  workspaceId: string;
  status: "active" | "paused";
  hookSecretSealed: string | null;
  /** Set when the provider chose the signing secret at subscription (Stripe's whsec_…). */
  signingSecretSealed: string | null;
  versionId: string | null;
}

/** The flows listening at several hook ids in one query; null where none listens. */
export async function findHookTargets(db: Database, hookIds: readonly string[]): Promise<(HookTarget | null)[]> {
  const result = await db.execute<{
    hook_id: string;
    flow_id: string;
    workspace_id: string;
    status: "active" | "paused";
    hook_secret_sealed: string | null;
    signing_secret_sealed: string | null;
    version_id: string | null;
  }>(sql`
    select f.hook_id, f.id as flow_id, f.workspace_id, f.status, f.hook_secret_sealed, s.signing_secret_sealed,
           f.current_version_id as version_id
      from flows f
      left join trigger_subscriptions s on s.flow_id = f.id
     where f.hook_id = any(${toTextArray(hookIds)}::text[])
       and f.deleted_at is null`);
  const byHook = new Map<string, HookTarget>();
  for (const row of result.rows) {
    if (byHook.has(row.hook_id)) continue;
    byHook.set(row.hook_id, {
      flowId: row.flow_id,
      workspaceId: row.workspace_id,
      status: row.status,
      hookSecretSealed: row.hook_secret_sealed,
      signingSecretSealed: row.signing_secret_sealed,
      versionId: row.version_id,
    });
  }
  return hookIds.map((hookId) => byHook.get(hookId) ?? null);
}

/** The graph of a published version (fetched only when the parsed trigger is not cached). */
export async function loadVersionGraph(db: Database, versionId: string): Promise<unknown> {
  const result = await db.execute<{ graph: unknown }>(sql`select graph from flow_versions where id = ${versionId}`);
  return result.rows[0]?.graph ?? null;
}
