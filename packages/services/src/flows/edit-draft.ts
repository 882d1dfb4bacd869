import type { Database } from "@handoff/db";
import { schema } from "@handoff/db";
import { applyOperations, type FlowDocument, type FlowOperation, type OperationError } from "@handoff/flow-core";
import { NotFoundError, StaleDraftError } from "./errors";
import { flowInWorkspace } from "./rename-flow";
import { saveDraft } from "./save-draft";

export interface EditDraftOptions {
  db: Database;
  workspaceId: string;
  flowId: string;
  /** The revision the editor's operations were made on. */
  baseRevision: number;
  operations: readonly FlowOperation[];
  actorUserId: string | null;
}

/** An edit the shared `applyOperation` refused: the canvas and the server agree on why. */
export class DraftEditRefusedError extends Error {
  override name = "DraftEditRefusedError";
  constructor(readonly problem: OperationError) {
    super(problem.message);
  }
}

/**
 * The canvas sends operations, not documents: the server applies them with the same
 * `applyOperation` the canvas used, to the revision the canvas saw. A save from an older revision
 * is refused (StaleDraftError) rather than replayed over someone else's newer edit.
 */
export async function editDraft({
  db,
  workspaceId,
  flowId,
  baseRevision,
  operations,
  actorUserId,
}: EditDraftOptions): Promise<{ revision: number; draft: FlowDocument }> {
  const [flow] = await db
    .select({ draftGraph: schema.flows.draftGraph, revision: schema.flows.draftRevision })
    .from(schema.flows)
    .where(flowInWorkspace(workspaceId, flowId));
  if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
  if (flow.revision !== baseRevision) throw new StaleDraftError(flow.revision, baseRevision);
  const applied = applyOperations(flow.draftGraph as FlowDocument, operations);
  if (!applied.ok) throw new DraftEditRefusedError(applied.error);
  // saveDraft re-checks the revision under a row lock, so a concurrent edit still loses cleanly.
  const saved = await saveDraft({ db, flowId, graph: applied.graph, baseRevision, actorUserId });
  return { revision: saved.revision, draft: applied.graph };
}
