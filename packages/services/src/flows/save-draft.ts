import { type Database, eq, schema } from "@handoff/db";
import { type FlowDocument, ZFlowDocument } from "@handoff/flow-core";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, StaleDraftError } from "./errors";
import { summarizeGraphChange } from "./summarize-graph-change";

export interface SaveDraftOptions {
  db: Database;
  flowId: string;
  graph: FlowDocument;
  /** The revision the editor loaded; a save from an older one is refused. */
  baseRevision: number;
  /** Who saved; null for the CLI and system callers. */
  actorUserId?: string | null;
}

/** Autosave: drafts may be incomplete, but must be well-formed documents. */
export async function saveDraft({ db, flowId, graph, baseRevision, actorUserId = null }: SaveDraftOptions) {
  const document = ZFlowDocument.parse(graph);
  return db.transaction(async (tx) => {
    // Row lock: the revision check, the update and the audit row's diff all see the same draft.
    const [flow] = await tx
      .select({
        workspaceId: schema.flows.workspaceId,
        draftGraph: schema.flows.draftGraph,
        revision: schema.flows.draftRevision,
        deletedAt: schema.flows.deletedAt,
      })
      .from(schema.flows)
      .where(eq(schema.flows.id, flowId))
      .for("update");
    if (!flow || flow.deletedAt) throw new NotFoundError(`Flow ${flowId} not found`);
    if (flow.revision !== baseRevision) throw new StaleDraftError(flow.revision, baseRevision);
    const revision = flow.revision + 1;
    await tx
      .update(schema.flows)
      .set({ draftGraph: document, draftRevision: revision, updatedAt: new Date() })
      .where(eq(schema.flows.id, flowId));
    await recordAudit({
      db: tx,
      workspaceId: flow.workspaceId,
      actorUserId,
      action: "flow.saved",
      targetType: "flow",
      targetId: flowId,
      before: { revision: flow.revision },
      after: { revision, ...summarizeGraphChange(flow.draftGraph, document) },
    });
    return { revision };
  });
}
