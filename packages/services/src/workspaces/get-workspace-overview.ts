import { and, count, type Database, eq, isNull, schema } from "@handoff/db";

export interface GetWorkspaceOverviewOptions {
  db: Database;
  workspaceId: string;
}

/** What the dashboard opens with: the workspace and how much it holds. */
export async function getWorkspaceOverview({ db, workspaceId }: GetWorkspaceOverviewOptions) {
  const [workspace] = await db.select().from(schema.workspaces).where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) throw new Error(`Workspace ${workspaceId} not found`);
  const [[flows], [connections], [runs], [members]] = await Promise.all([
    db
      .select({ n: count() })
      .from(schema.flows)
      .where(and(eq(schema.flows.workspaceId, workspaceId), isNull(schema.flows.deletedAt))),
    db.select({ n: count() }).from(schema.connections).where(eq(schema.connections.workspaceId, workspaceId)),
    db.select({ n: count() }).from(schema.flowRuns).where(eq(schema.flowRuns.workspaceId, workspaceId)),
    db.select({ n: count() }).from(schema.memberships).where(eq(schema.memberships.workspaceId, workspaceId)),
  ]);
  return {
    id: workspace.id,
    name: workspace.name,
    timeZone: workspace.timeZone,
    counts: { flows: flows?.n ?? 0, connections: connections?.n ?? 0, runs: runs?.n ?? 0, members: members?.n ?? 0 },
  };
}
