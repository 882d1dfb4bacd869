import { type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "./errors";

export interface SetFlowStatusOptions {
  db: Database;
  flowId: string;
  status: "active" | "paused";
  actorUserId: string | null;
}

/** Pause or resume. A paused flow still records the events it receives but does not run them. */
export async function setFlowStatus({ db, flowId, status, actorUserId }: SetFlowStatusOptions) {
  return db.transaction(async (tx) => {
    const [flow] = await tx.select().from(schema.flows).where(eq(schema.flows.id, flowId)).for("update");
    if (!flow || flow.deletedAt) throw new NotFoundError(`Flow ${flowId} not found`);
    if (status === "active" && !flow.currentVersionId) throw new Error("Publish the flow before resuming it");
    if (flow.status === status) return flow;
    const [updated] = await tx
      .update(schema.flows)
      .set({ status, updatedAt: new Date() })
      .where(eq(schema.flows.id, flowId))
      .returning();
    await recordAudit({
      db: tx,
      workspaceId: flow.workspaceId,
      actorUserId,
      action: status === "paused" ? "flow.paused" : "flow.resumed",
      targetType: "flow",
      targetId: flowId,
      before: { status: flow.status },
      after: { status },
    });
    return updated ?? flow;
  });
}
