import { and, type Database, eq, isNull, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "./errors";

export interface RenameFlowOptions {
  db: Database;
  workspaceId: string;
  flowId: string;
  name: string;
  actorUserId: string | null;
}

export async function renameFlow({ db, workspaceId, flowId, name, actorUserId }: RenameFlowOptions) {
  const trimmed = name.trim();
  if (!trimmed) throw new RangeError("A flow needs a name");
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .select({ name: schema.flows.name })
      .from(schema.flows)
      .where(flowInWorkspace(workspaceId, flowId))
      .for("update");
    if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
    if (flow.name === trimmed) return { name: trimmed };
    await tx.update(schema.flows).set({ name: trimmed, updatedAt: new Date() }).where(eq(schema.flows.id, flowId));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "flow.renamed",
      targetType: "flow",
      targetId: flowId,
      before: { name: flow.name },
      after: { name: trimmed },
    });
    return { name: trimmed };
  });
}

/** A live (not deleted) flow of this workspace: other workspaces' flows are "not found". */
export function flowInWorkspace(workspaceId: string, flowId: string) {
  return and(eq(schema.flows.id, flowId), eq(schema.flows.workspaceId, workspaceId), isNull(schema.flows.deletedAt));
}
