import { and, type Database, eq, schema } from "@handoff/db";
import { NotFoundError } from "./errors";
import { publishFlow } from "./publish-flow";

export interface RollbackFlowOptions {
  db: Database;
  flowId: string;
  toVersionNumber: number;
  actorUserId: string | null;
}

/** Republishes an old version's graph as a new number: history only ever grows. */
export async function rollbackFlow({ db, flowId, toVersionNumber, actorUserId }: RollbackFlowOptions) {
  const [old] = await db
    .select()
    .from(schema.flowVersions)
    .where(and(eq(schema.flowVersions.flowId, flowId), eq(schema.flowVersions.number, toVersionNumber)));
  if (!old) throw new NotFoundError(`Flow ${flowId} has no version ${toVersionNumber}`);
  return publishFlow({
    db,
    flowId,
    graph: old.graph,
    message: `Rollback to version ${toVersionNumber}`,
    actorUserId,
    auditAction: "flow.rolled_back",
    auditDetails: { rolledBackTo: toVersionNumber },
  });
}
