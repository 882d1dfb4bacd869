import { type Database, sql } from "@handoff/db";

export interface AuditActor {
  userId: string;
  email: string;
  name: string;
}

export interface AuditFilterOptions {
  /** Every action recorded in the workspace, sorted. */
  actions: string[];
  targetTypes: string[];
  actors: AuditActor[];
}

/** The people who appear in the workspace's trail (the Person filter), by email. */
export async function listAuditActors({ db, workspaceId }: { db: Database; workspaceId: string }) {
  const found = await db.execute<{ user_id: string; email: string; name: string }>(sql`
    select u.id as user_id, u.email, u.name
      from users u
     where exists (select 1 from audit_log a where a.workspace_id = ${workspaceId} and a.actor_user_id = u.id)
     order by u.email`);
  return found.rows.map((row): AuditActor => ({ userId: row.user_id, email: row.email, name: row.name }));
}

/** What the page's filter dropdowns offer: only values that would match something. */
export async function listAuditFilterOptions({
  db,
  workspaceId,
}: {
  db: Database;
  workspaceId: string;
}): Promise<AuditFilterOptions> {
  const [kinds, actors] = await Promise.all([
    db.execute<{ kind: "action" | "target_type"; value: string }>(sql`
      select distinct 'action' as kind, action as value from audit_log where workspace_id = ${workspaceId}
      union
      select distinct 'target_type', target_type from audit_log where workspace_id = ${workspaceId}
      order by 1, 2`),
    listAuditActors({ db, workspaceId }),
  ]);
  return {
    actions: kinds.rows.filter((row) => row.kind === "action").map((row) => row.value),
    targetTypes: kinds.rows.filter((row) => row.kind === "target_type").map((row) => row.value),
    actors,
  };
}
