import { randomBytes } from "node:crypto";
import { type Database, schema } from "@handoff/db";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { recordAudit } from "../audit/record-audit";

export interface CreateFlowOptions {
  db: Database;
  workspaceId: string;
  name: string;
  description?: string;
  /** The initial draft; a lone webhook trigger when omitted. */
  graph?: FlowDocument;
  actorUserId: string | null;
  /** Extra facts for the audit row, e.g. the flow or template it was made from. */
  auditDetails?: Record<string, unknown>;
}

/** A new flow starts as a draft, paused, with a hook id it keeps for life. */
export async function createFlow({
  db,
  workspaceId,
  name,
  description = "",
  graph,
  actorUserId,
  auditDetails = {},
}: CreateFlowOptions) {
  const draft = graph ?? starterGraph();
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .insert(schema.flows)
      .values({
        workspaceId,
        name,
        description,
        status: "paused",
        hookId: randomBytes(18).toString("base64url"),
        draftGraph: draft,
        ownerUserId: actorUserId,
      })
      .returning();
    if (!flow) throw new Error("Inserting the flow returned no row");
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "flow.created",
      targetType: "flow",
      targetId: flow.id,
      after: { name, ...auditDetails },
    });
    return flow;
  });
}

export function starterGraph(): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        connector: "core",
        operation: "webhook",
        props: {},
        label: "Webhook",
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  };
}
