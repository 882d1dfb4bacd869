import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { lockedConnection } from "./locked-connection";
import { validateConnectionName } from "./validate-credentials";

export interface RenameConnectionOptions {
  db: Database;
  workspaceId: string;
  connectionId: string;
  name: string;
  actorUserId: string | null;
}

/** Names are what people pick connections by in the step panel; flows refer to the id, so nothing breaks. */
export async function renameConnection(options: RenameConnectionOptions): Promise<{ id: string; name: string }> {
  const name = validateConnectionName(options.name);
  return options.db.transaction(async (tx) => {
    const row = await lockedConnection(tx, options.workspaceId, options.connectionId);
    if (row.name === name) return { id: row.id, name };
    await tx.update(schema.connections).set({ name, updatedAt: sql`now()` }).where(eq(schema.connections.id, row.id));
    await recordAudit({
      db: tx,
      workspaceId: options.workspaceId,
      actorUserId: options.actorUserId,
      action: "connection.renamed",
      targetType: "connection",
      targetId: row.id,
      before: { name: row.name },
      after: { name },
    });
    return { id: row.id, name };
  });
}
