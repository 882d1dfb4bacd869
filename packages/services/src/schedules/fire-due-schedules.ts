import { nextFireTimes } from "@handoff/connector-sdk";
import { getTrigger } from "@handoff/connectors";
import { type Database, sql } from "@handoff/db";
import { findTrigger, ZFlowDocument } from "@handoff/flow-core";
import { enqueueRun } from "../ingest/enqueue-run";

export interface FireDueSchedulesOptions {
  db: Database;
  now?: Date;
  /** How far back a late tick still fires (a worker restart, a busy minute). */
  catchUpMs?: number;
}

/**
 * Called once a minute (graphile's crontab runs it on one worker per tick). Starts a run for every
 * fire time of every active schedule flow in the catch-up window. The fire time is the event's
 * idempotency key, so a tick seen twice — two workers, an overlapping window — starts one run.
 * The window never reaches back before the flow was last published or resumed.
 */
export async function fireDueSchedules({ db, now = new Date(), catchUpMs = 3 * 60_000 }: FireDueSchedulesOptions) {
  const flows = await db.execute<{
    id: string;
    workspace_id: string;
    version_id: string;
    graph: unknown;
    since: string;
  }>(sql`
    select f.id, f.workspace_id, v.id as version_id, v.graph, greatest(f.updated_at, v.created_at) as since
      from flows f join flow_versions v on v.id = f.current_version_id
     where f.status = 'active' and f.deleted_at is null
       and v.graph @> '{"nodes":[{"type":"trigger","operation":"schedule"}]}'`);
  let fired = 0;
  for (const flow of flows.rows) {
    const graph = ZFlowDocument.safeParse(flow.graph);
    const node = graph.success ? findTrigger(graph.data) : undefined;
    const trigger = node ? getTrigger(node.connector, node.operation) : undefined;
    if (!node || trigger?.kind !== "schedule") continue;
    const props = trigger.props.safeParse(node.props);
    if (!props.success) continue;
    const from = new Date(Math.max(now.getTime() - catchUpMs, new Date(flow.since).getTime()));
    const due = nextFireTimes(props.data.cron, props.data.timeZone, from, 10).filter((time) => time <= now);
    for (const scheduledFor of due) {
      const queued = await enqueueRun(db, {
        workspaceId: flow.workspace_id,
        flowId: flow.id,
        versionId: flow.version_id,
        idempotencyKey: `schedule:${scheduledFor.toISOString()}`,
        payload: trigger.payload({ scheduledFor, props: props.data }),
        headers: {},
        receivedAt: now,
        sourceEventAt: scheduledFor,
        summary: `Schedule: ${scheduledFor.toLocaleString("en-GB", { timeZone: props.data.timeZone, dateStyle: "medium", timeStyle: "short" })} ${props.data.timeZone}`,
        businessKeys: [],
      });
      if (queued.inserted) fired += 1;
    }
  }
  return { fired };
}
