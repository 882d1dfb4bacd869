import { type Database, sql } from "@handoff/db";
import { findTrigger, ZFlowDocument } from "@handoff/flow-core";

export interface ReviewFlow {
  flowId: string;
  name: string;
  active: boolean;
  /** The schedule it runs on, when its trigger is a schedule. */
  schedule: { cron: string; timeZone: string } | null;
}

/**
 * The published flow that sends the review (a core `sync-review` step), preferring an active one:
 * what the review page names as "emailed … by the flow …". Drafts never send, so they do not count.
 */
export async function findReviewFlow({
  db,
  workspaceId,
}: {
  db: Database;
  workspaceId: string;
}): Promise<ReviewFlow | null> {
  const result = await db.execute<{ id: string; name: string; status: string; graph: unknown }>(sql`
    select f.id, f.name, f.status, v.graph
      from flows f
      join flow_versions v on v.id = f.current_version_id
     where f.workspace_id = ${workspaceId} and f.deleted_at is null
       and v.graph @> '{"nodes":[{"type":"action","connector":"core","operation":"sync-review"}]}'
     order by (f.status = 'active') desc, f.updated_at desc
     limit 1`);
  const row = result.rows[0];
  if (!row) return null;
  const graph = ZFlowDocument.safeParse(row.graph);
  const trigger = graph.success ? findTrigger(graph.data) : undefined;
  const props =
    trigger?.connector === "core" && trigger.operation === "schedule"
      ? (trigger.props as { cron?: unknown; timeZone?: unknown })
      : {};
  return {
    flowId: row.id,
    name: row.name,
    active: row.status === "active",
    schedule:
      typeof props.cron === "string" && typeof props.timeZone === "string"
        ? { cron: props.cron, timeZone: props.timeZone }
        : null,
  };
}
