import type { ActionConnection } from "@handoff/connector-sdk";
import { connectors, getTrigger } from "@handoff/connectors";
import { type Database, type SQL, sql } from "@handoff/db";
import { findTrigger, ZFlowDocument } from "@handoff/flow-core";
import { enqueueRun } from "../ingest/enqueue-run";

export interface FireDerivedEventsOptions {
  db: Database;
  /** Opens a flow's connection (the worker's run services). */
  connection: (workspaceId: string, connectionId: string) => Promise<ActionConnection>;
  now?: Date;
  log?: (message: string) => void;
}

/** The triggers that can find their events by looking, as `{connector, operation}` pairs. */
function derivableTriggers(): { connector: string; operation: string }[] {
  return connectors.flatMap((connector) =>
    connector.triggers
      .filter((trigger) => trigger.kind === "webhook" && trigger.derive)
      .map((trigger) => ({ connector: connector.key, operation: trigger.key })),
  );
}

/**
 * Run on a schedule: asks every active flow whose trigger can derive events (Stripe's overdue
 * invoices) for them, and starts a run per event. The event id is the idempotency key, shared
 * with real deliveries of the same fact, so nothing runs twice however often this looks.
 */
export async function fireDerivedEvents(options: FireDerivedEventsOptions): Promise<{ fired: number }> {
  const { db, now = new Date(), log = () => {} } = options;
  const kinds = derivableTriggers();
  if (kinds.length === 0) return { fired: 0 };
  const anyKind: SQL[] = kinds.map(
    ({ connector, operation }) =>
      sql`v.graph @> ${JSON.stringify({ nodes: [{ type: "trigger", connector, operation }] })}::jsonb`,
  );
  const flows = await db.execute<{ id: string; workspace_id: string; version_id: string; graph: unknown }>(sql`
    select f.id, f.workspace_id, v.id as version_id, v.graph
      from flows f join flow_versions v on v.id = f.current_version_id
     where f.status = 'active' and f.deleted_at is null and (${sql.join(anyKind, sql` or `)})`);
  let fired = 0;
  for (const flow of flows.rows) {
    try {
      fired += await fireForFlow(options, flow, now);
    } catch (error) {
      // One flow's provider being down must not stop the others; the next sweep tries again.
      log(
        `flow ${flow.id}: could not look for derived events: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { fired };
}

async function fireForFlow(
  options: FireDerivedEventsOptions,
  flow: { id: string; workspace_id: string; version_id: string; graph: unknown },
  now: Date,
): Promise<number> {
  const graph = ZFlowDocument.safeParse(flow.graph);
  const node = graph.success ? findTrigger(graph.data) : undefined;
  const definition = node ? getTrigger(node.connector, node.operation) : undefined;
  if (!node?.connectionId || definition?.kind !== "webhook" || !definition.derive) return 0;
  const props = definition.props.parse(node.props);
  const connection = await options.connection(flow.workspace_id, node.connectionId);
  const payloads = await definition.derive({
    props,
    connection,
    now,
    signal: AbortSignal.timeout(60_000),
    log: (message) => options.log?.(`flow ${flow.id}: ${message}`),
  });
  let fired = 0;
  for (const payload of payloads) {
    if (definition.matches && !definition.matches(payload, props)) continue;
    const eventId = definition.eventId(payload, {});
    if (!eventId) continue;
    const queued = await enqueueRun(options.db, {
      workspaceId: flow.workspace_id,
      flowId: flow.id,
      versionId: flow.version_id,
      idempotencyKey: `event:${eventId}`,
      payload,
      headers: {},
      receivedAt: now,
      sourceEventAt: definition.eventTime(payload) ?? now,
      summary: definition.summary?.(payload) ?? definition.name,
      businessKeys: definition.businessKeys?.(payload) ?? [],
    });
    if (queued.inserted) fired += 1;
  }
  return fired;
}
