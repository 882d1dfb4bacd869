import { type Database, eq, schema, sql } from "@handoff/db";
import { type FlowDocument, ZFlowDocument } from "@handoff/flow-core";
import { NotFoundError, StaleDraftError } from "./errors";

export interface SaveDraftOptions {
  db: Database;
  flowId: string;
  graph: FlowDocument;
  /** The revision the editor loaded; a save from an older one is refused. */
  baseRevision: number;
}

/** Autosave: drafts may be incomplete, but must be well-formed documents. */
export async function saveDraft({ db, flowId, graph, baseRevision }: SaveDraftOptions) {
  const document = ZFlowDocument.parse(graph);
  const [saved] = await db
    .update(schema.flows)
    .set({ draftGraph: document, draftRevision: sql`${schema.flows.draftRevision} + 1`, updatedAt: new Date() })
    .where(
      sql`${schema.flows.id} = ${flowId} and ${schema.flows.draftRevision} = ${baseRevision} and ${schema.flows.deletedAt} is null`,
    )
    .returning({ revision: schema.flows.draftRevision });
  if (saved) return saved;
  const [current] = await db
    .select({ revision: schema.flows.draftRevision })
    .from(schema.flows)
    .where(eq(schema.flows.id, flowId));
  if (!current) throw new NotFoundError(`Flow ${flowId} not found`);
  throw new StaleDraftError(current.revision, baseRevision);
}
