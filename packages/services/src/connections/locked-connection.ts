import { and, type Database, eq, schema } from "@handoff/db";
import { ConnectionNotFoundError } from "./errors";

/**
 * The workspace's connection, row-locked for the rest of the transaction so two edits of one
 * connection (a rename and a replace, a delete and a refresh) do not interleave.
 */
export async function lockedConnection(tx: Pick<Database, "select">, workspaceId: string, connectionId: string) {
  const c = schema.connections;
  const [row] = await tx
    .select()
    .from(c)
    .where(and(eq(c.id, connectionId), eq(c.workspaceId, workspaceId)))
    .for("update");
  if (!row) throw new ConnectionNotFoundError(connectionId);
  return row;
}
