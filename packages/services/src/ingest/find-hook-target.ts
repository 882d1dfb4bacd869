import { type Database, sql } from "@handoff/db";

export interface HookTarget {
  flowId: string;
  workspaceId: string;
  status: "active" | "paused";
  hookSecretSealed: string | null;
  versionId: string | null;
  /** The published graph the event will run against; null while the flow is a draft only. */
  graph: unknown;
}

/** The flow listening at a hook id, with its current published version. */
export async function findHookTarget(db: Database, hookId: string): Promise<HookTarget | null> {
  const result = await db.execute<{
    flow_id: string;
    workspace_id: string;
    status: "active" | "paused";
    hook_secret_sealed: string | null;
    version_id: string | null;
    graph: unknown;
  }>(sql`
    select f.id as flow_id, f.workspace_id, f.status, f.hook_secret_sealed, v.id as version_id, v.graph
      from flows f
      left join flow_versions v on v.id = f.current_version_id
     where f.hook_id = ${hookId} and f.deleted_at is null`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    flowId: row.flow_id,
    workspaceId: row.workspace_id,
    status: row.status,
    hookSecretSealed: row.hook_secret_sealed,
    versionId: row.version_id,
    graph: row.graph,
  };
}
