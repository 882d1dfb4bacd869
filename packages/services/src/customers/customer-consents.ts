import { getConnector } from "@handoff/connectors";
import { sql } from "@handoff/db";
import type { ExportedRun } from "./collect-customer-runs";
import type { CustomerExecutor } from "./find-customer";

export interface ConsentRecord {
  /** The messaging connector that sent, e.g. `email`. */
  channel: string;
  consentAt: string;
  runId: string;
  nodeId: string;
}

function consentAtOf(output: unknown): string | undefined {
  if (typeof output !== "object" || output === null || Array.isArray(output)) return undefined;
  const value = (output as Record<string, unknown>).consentAt;
  return typeof value === "string" ? value : undefined;
}

/**
 * The consent timestamps messaging steps recorded with their sends. The step row only names the
 * node, so the run's flow version says which connector the node used: a `consentAt` in the
 * output of a CRM or HTTP step is some provider's data, not a consent Handoff relied on.
 */
export async function consentsIn(db: CustomerExecutor, runs: readonly ExportedRun[]): Promise<ConsentRecord[]> {
  const withConsent = runs.flatMap((run) =>
    run.steps.flatMap((step) => {
      const consentAt = consentAtOf(step.output);
      return consentAt === undefined ? [] : [{ run, nodeId: step.nodeId, consentAt }];
    }),
  );
  const versionIds = [...new Set(withConsent.flatMap(({ run }) => (run.flowVersionId ? [run.flowVersionId] : [])))];
  const connectorOfNode = await nodeConnectors(db, versionIds);
  return withConsent.flatMap(({ run, nodeId, consentAt }) => {
    const connector = run.flowVersionId ? connectorOfNode.get(`${run.flowVersionId}:${nodeId}`) : undefined;
    if (!connector || getConnector(connector)?.category !== "messaging") return [];
    return [{ channel: connector, consentAt, runId: run.id, nodeId }];
  });
}

/** `versionId:nodeId` → connector key, for the action nodes of the given flow versions. */
async function nodeConnectors(db: CustomerExecutor, versionIds: readonly string[]): Promise<Map<string, string>> {
  const connectors = new Map<string, string>();
  if (versionIds.length === 0) return connectors;
  const found = await db.execute<{ version_id: string; node_id: string; connector: string }>(sql`
    select v.id as version_id, node->>'id' as node_id, node->>'connector' as connector
      from flow_versions v, jsonb_array_elements(v.graph->'nodes') node
     where v.id = any(${`{${versionIds.join(",")}}`}::uuid[])
       and node->>'type' = 'action'`);
  for (const row of found.rows) connectors.set(`${row.version_id}:${row.node_id}`, row.connector);
  return connectors;
}
