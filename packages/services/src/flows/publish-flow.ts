import { needsConnection, propsSchemaFor } from "@handoff/connectors";
import { type Database, eq, schema, sql } from "@handoff/db";
import { parseFlowDocument, validateFlow } from "@handoff/flow-core";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError, PublishRefusedError } from "./errors";

export interface PublishFlowOptions {
  db: Database;
  flowId: string;
  message: string;
  actorUserId: string | null;
  /** What to publish; the flow's draft when omitted (rollback passes an old version's graph). */
  graph?: unknown;
  auditAction?: "flow.published" | "flow.rolled_back";
  /** Extra facts for the audit row's `after`, e.g. the version a rollback went back to. */
  auditDetails?: Record<string, unknown>;
}

/**
 * Validates the graph and makes it the next immutable, numbered version. The first publish also
 * activates the flow; later ones keep whatever status the flow has (a paused flow stays paused).
 */
export async function publishFlow({
  db,
  flowId,
  message,
  actorUserId,
  graph,
  auditAction = "flow.published",
  auditDetails = {},
}: PublishFlowOptions) {
  return db.transaction(async (tx) => {
    // Row lock: two publishes of one flow get consecutive numbers, never the same one.
    const [flow] = await tx.select().from(schema.flows).where(eq(schema.flows.id, flowId)).for("update");
    if (!flow || flow.deletedAt) throw new NotFoundError(`Flow ${flowId} not found`);
    const parsed = parseFlowDocument(graph ?? flow.draftGraph);
    if (!parsed.ok) {
      throw new PublishRefusedError(
        parsed.issues.map((issue) => ({ code: "invalid_document", message: `${issue.path}: ${issue.message}` })),
      );
    }
    const problems = validateFlow(parsed.document, { connectors: propsSchemaFor, needsConnection });
    if (problems.length > 0) throw new PublishRefusedError(problems);

    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${schema.flowVersions.number}), 0)::int` })
      .from(schema.flowVersions)
      .where(eq(schema.flowVersions.flowId, flowId));
    const number = (last?.number ?? 0) + 1;
    const [version] = await tx
      .insert(schema.flowVersions)
      .values({ flowId, number, graph: parsed.document, message, authorId: actorUserId })
      .returning();
    if (!version) throw new Error("Inserting the version returned no row");
    const status = flow.currentVersionId ? flow.status : "active";
    await tx
      .update(schema.flows)
      .set({ currentVersionId: version.id, status, updatedAt: new Date() })
      .where(eq(schema.flows.id, flowId));
    await recordAudit({
      db: tx,
      workspaceId: flow.workspaceId,
      actorUserId,
      action: auditAction,
      targetType: "flow",
      targetId: flowId,
      before: { versionId: flow.currentVersionId, status: flow.status },
      after: { ...auditDetails, versionId: version.id, number, message, status },
    });
    return version;
  });
}
