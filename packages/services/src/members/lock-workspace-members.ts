import { type Database, eq, schema } from "@handoff/db";

type Executor = Pick<Database, "select">;

/**
 * Serialises changes to one workspace's people: every invite, acceptance, role change and removal
 * takes this lock first, so two owners demoting each other at once cannot leave the workspace
 * ownerless, and the lock order (workspace, then invitation or membership) cannot deadlock.
 * `no key update` still lets other tables insert rows that reference the workspace meanwhile.
 */
export async function lockWorkspaceMembers({ db, workspaceId }: { db: Executor; workspaceId: string }) {
  const [workspace] = await db
    .select({ id: schema.workspaces.id, name: schema.workspaces.name })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId))
    .for("no key update");
  if (!workspace) throw new Error(`Workspace ${workspaceId} not found`);
  return workspace;
}
