import type { Database } from "@handoff/db";
import { schema } from "@handoff/db";
import { createFlow } from "./create-flow";
import { NotFoundError } from "./errors";
import { flowInWorkspace } from "./rename-flow";

export interface DuplicateFlowOptions {
  db: Database;
  workspaceId: string;
  flowId: string;
  actorUserId: string | null;
}

/**
 * A copy of the flow's draft as a new, unpublished flow: its own hook URL, no versions, no runs,
 * so editing the copy can never touch what the original does live.
 */
export async function duplicateFlow({ db, workspaceId, flowId, actorUserId }: DuplicateFlowOptions) {
  const [source] = await db
    .select({ name: schema.flows.name, description: schema.flows.description, draftGraph: schema.flows.draftGraph })
    .from(schema.flows)
    .where(flowInWorkspace(workspaceId, flowId));
  if (!source) throw new NotFoundError(`Flow ${flowId} not found`);
  return createFlow({
    db,
    workspaceId,
    name: `${source.name} (copy)`,
    description: source.description,
    graph: source.draftGraph as Parameters<typeof createFlow>[0]["graph"],
    actorUserId,
    auditDetails: { duplicatedFrom: flowId },
  });
}
