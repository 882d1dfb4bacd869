import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { ConnectionInUseError } from "./errors";
import { lockedConnection } from "./locked-connection";

export interface DeleteConnectionOptions {
  db: Database;
  workspaceId: string;
  connectionId: string;
  actorUserId: string | null;
}

/**
 * Deletes the connection unless an active flow's published version acts as it: that flow would
 * fail on its next run. Paused flows, drafts and older versions do not hold it (they would fail
 * clearly, naming the missing connection, if resumed or replayed as they are).
 */
export async function deleteConnection(options: DeleteConnectionOptions): Promise<{ id: string }> {
  const { db, workspaceId, connectionId, actorUserId } = options;
  return db.transaction(async (tx) => {
    const row = await lockedConnection(tx, workspaceId, connectionId);
    const users = await activeFlowsUsing(tx, workspaceId, row.id);
    if (users.length > 0) throw new ConnectionInUseError(row.name, users);
    await tx.delete(schema.connections).where(eq(schema.connections.id, row.id));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "connection.deleted",
      targetType: "connection",
      targetId: row.id,
      before: { provider: row.provider, name: row.name, environment: row.environment },
    });
    return { id: row.id };
  });
}

/** Names of the active flows whose published version has a step (or trigger) on this connection. */
async function activeFlowsUsing(
  tx: Pick<Database, "execute">,
  workspaceId: string,
  connectionId: string,
): Promise<string[]> {
  const uses = JSON.stringify({ nodes: [{ connectionId }] });
  const result = await tx.execute<{ name: string }>(sql`
    select f.name
      from flows f
      join flow_versions v on v.id = f.current_version_id
     where f.workspace_id = ${workspaceId} and f.status = 'active' and f.deleted_at is null
       and v.graph @> ${uses}::jsonb
     order by f.name`);
  return result.rows.map((flow) => flow.name);
}
