import { type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "./errors";
import { flowInWorkspace } from "./rename-flow";

export interface DeleteFlowOptions {
  db: Database;
  workspaceId: string;
  flowId: string;
  actorUserId: string | null;
}

/**
 * Soft delete: the flow stops running and leaves every list, but its versions and runs stay for
 * the history a bookkeeper may still need. The caller removes the provider subscription.
 */
export async function deleteFlow({ db, workspaceId, flowId, actorUserId }: DeleteFlowOptions) {
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .select({ name: schema.flows.name, status: schema.flows.status })
      .from(schema.flows)
      .where(flowInWorkspace(workspaceId, flowId))
      .for("update");
    if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
    await tx
      .update(schema.flows)
      .set({ deletedAt: new Date(), status: "paused", updatedAt: new Date() })
      .where(eq(schema.flows.id, flowId));
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "flow.deleted",
      targetType: "flow",
      targetId: flowId,
      before: { name: flow.name, status: flow.status },
    });
  });
}
