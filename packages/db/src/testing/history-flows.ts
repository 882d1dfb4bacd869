import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * The four flows of the seeded history, in the order the run seed refers to them by index ("kind"):
 * a small business's usual booking / invoicing / CRM integrations, three steps each.
 */
export const HISTORY_FLOWS = [
  {
    name: "Booking to invoice",
    trigger: { connector: "calcom", operation: "booking-created", label: "Booking created" },
    steps: [
      { id: "find_contact", connector: "hubspot", operation: "find-or-create-contact", label: "Find contact" },
      { id: "create_invoice", connector: "stripe", operation: "create-draft-invoice", label: "Create invoice" },
      { id: "send_invoice", connector: "stripe", operation: "finalize-and-send-invoice", label: "Send invoice" },
    ],
  },
  {
    name: "Invoice paid to deal",
    trigger: { connector: "stripe", operation: "invoice-paid", label: "Invoice paid" },
    steps: [
      { id: "find_contact", connector: "hubspot", operation: "find-or-create-contact", label: "Find contact" },
      { id: "move_deal", connector: "hubspot", operation: "move-deal-stage", label: "Move deal" },
      { id: "add_note", connector: "hubspot", operation: "create-note", label: "Add note" },
    ],
  },
  {
    name: "Deal won to invoice",
    trigger: { connector: "hubspot", operation: "deal-stage-changed", label: "Deal won" },
    steps: [
      { id: "find_customer", connector: "stripe", operation: "find-or-create-customer", label: "Find customer" },
      { id: "create_invoice", connector: "stripe", operation: "create-draft-invoice", label: "Create invoice" },
      { id: "send_invoice", connector: "stripe", operation: "finalize-and-send-invoice", label: "Send invoice" },
    ],
  },
  {
    name: "Cancellation voids invoice",
    trigger: { connector: "calcom", operation: "booking-cancelled", label: "Booking cancelled" },
    steps: [
      { id: "get_invoice", connector: "stripe", operation: "get-invoice", label: "Get invoice" },
      { id: "void_invoice", connector: "stripe", operation: "void-invoice", label: "Void invoice" },
      { id: "add_note", connector: "hubspot", operation: "create-note", label: "Add note" },
    ],
  },
] as const;

/** Published versions per flow: live runs pin the one that was current when they ran. */
export const HISTORY_VERSIONS_PER_FLOW = 3;

/** Days before the seed that versions 1, 2 and 3 were published. */
export const HISTORY_VERSION_AGE_DAYS = [180, 100, 30] as const;

/**
 * Written on every seeded flow: a workspace whose flows lack it holds an older seed (e.g. runs
 * without steps, kept in a benchmark data folder) and is seeded again.
 */
export const HISTORY_SEED_MARKER = "Seeded run history, format 2";

export interface SeededFlow {
  id: string;
  name: string;
  /** Version ids by number − 1. */
  versionIds: string[];
}

/** The workspace's seeded flows, in HISTORY_FLOWS order; created (with their versions) when missing. */
export async function ensureHistoryFlows(db: Database, workspaceId: string): Promise<SeededFlow[]> {
  const flows: SeededFlow[] = [];
  for (const definition of HISTORY_FLOWS) {
    const existing = await db.execute<{ id: string; version_ids: string[] }>(sql`
      select f.id, array(select v.id from flow_versions v where v.flow_id = f.id order by v.number) as version_ids
        from flows f
       where f.workspace_id = ${workspaceId} and f.name = ${definition.name} and f.description = ${HISTORY_SEED_MARKER}`);
    const found = existing.rows[0];
    flows.push(
      found
        ? { id: found.id, name: definition.name, versionIds: found.version_ids }
        : await insertFlow(db, workspaceId, definition),
    );
  }
  return flows;
}

async function insertFlow(
  db: Database,
  workspaceId: string,
  definition: (typeof HISTORY_FLOWS)[number],
): Promise<SeededFlow> {
  const graph = JSON.stringify(flowDocument(definition));
  // Ids drawn first: sibling statements of one WITH cannot see each other's rows, so the flow is
  // inserted already pointing at the version that is inserted beside it.
  const result = await db.execute<{ id: string; version_ids: string[] }>(sql`
    with ids as materialized (
      select gen_random_uuid() as flow_id,
             array(select gen_random_uuid() from generate_series(1, ${HISTORY_VERSIONS_PER_FLOW})) as version_ids
    ), flow as (
      insert into flows (id, workspace_id, name, description, status, hook_id, draft_graph, current_version_id)
      select flow_id, ${workspaceId}, ${definition.name}, ${HISTORY_SEED_MARKER}, 'active',
             replace(gen_random_uuid()::text, '-', ''), ${graph}::jsonb, version_ids[${HISTORY_VERSIONS_PER_FLOW}]
        from ids
      returning id
    ), versions as (
      insert into flow_versions (id, flow_id, number, graph, message, created_at)
      select ids.version_ids[n], flow.id, n, ${graph}::jsonb, 'Published by the history seed',
             now() - make_interval(days => (${`{${HISTORY_VERSION_AGE_DAYS.join(",")}}`}::int[])[n])
        from ids, flow, generate_series(1, ${HISTORY_VERSIONS_PER_FLOW}) as n
      returning id
    )
    select flow_id as id, version_ids from ids`);
  const row = result.rows[0];
  if (!row) throw new Error(`Seeding the flow "${definition.name}" returned no row`);
  return { id: row.id, name: definition.name, versionIds: row.version_ids };
}

/** A flow document (schema version 2) of the trigger and its steps in a line. */
function flowDocument(definition: (typeof HISTORY_FLOWS)[number]) {
  const trigger = { id: "trigger", type: "trigger", ...definition.trigger, props: {}, position: { x: 0, y: 0 } };
  const actions = definition.steps.map((step, index) => ({
    type: "action",
    ...step,
    props: {},
    position: { x: 280 * (index + 1), y: 0 },
  }));
  const nodes = [trigger, ...actions];
  const edges = nodes.slice(1).map((node, index) => {
    const source = nodes[index]?.id ?? "trigger";
    return { id: `${source}-out-${node.id}`, source, sourceHandle: null, target: node.id };
  });
  return { schemaVersion: 2, nodes, edges };
}
