import { sql } from "@handoff/db";
import { runsMentioning } from "./customer-runs";
import type { CustomerExecutor, CustomerSubject } from "./find-customer";

export interface ExportedStep {
  nodeId: string;
  stepKey: string;
  status: string;
  input: unknown;
  output: unknown;
  error: unknown;
  startedAt: string;
}

export interface ExportedRun {
  id: string;
  flowId: string;
  flowName: string;
  /** The flow version the run ran, for reading node ids against the flow's graph. */
  flowVersionId: string | null;
  status: string;
  createdAt: string;
  triggerSummary: string;
  businessKeys: string[];
  triggerPayload: unknown;
  error: unknown;
  steps: ExportedStep[];
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** The newest `limit` runs that mention the person, each with its trigger payload and steps. */
export async function collectCustomerRuns(
  db: CustomerExecutor,
  subject: CustomerSubject,
  limit: number,
): Promise<{ runs: ExportedRun[]; capped: boolean }> {
  const found = await db.execute<{
    id: string;
    flow_id: string;
    flow_name: string;
    flow_version_id: string | null;
    status: string;
    created_at: string;
    trigger_summary: string;
    business_keys: string[];
    error: unknown;
    payload: unknown;
  }>(sql`
    select r.id, r.flow_id, f.name as flow_name, r.flow_version_id, r.status, r.created_at, r.trigger_summary,
           r.business_keys, r.error, e.payload
      from flow_runs r
      join flows f on f.id = r.flow_id
      left join trigger_events e on e.id = r.trigger_event_id
     where r.id in (${runsMentioning(subject)})
     order by r.created_at desc, r.id desc
     limit ${limit + 1}`);
  const capped = found.rows.length > limit;
  const rows = found.rows.slice(0, limit);
  const steps = await stepsOf(
    db,
    rows.map((row) => row.id),
  );
  const runs = rows.map((row) => ({
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    flowVersionId: row.flow_version_id,
    status: row.status,
    createdAt: iso(row.created_at),
    triggerSummary: row.trigger_summary,
    businessKeys: row.business_keys,
    triggerPayload: row.payload,
    error: row.error,
    steps: steps.get(row.id) ?? [],
  }));
  return { runs, capped };
}

async function stepsOf(db: CustomerExecutor, runIds: readonly string[]): Promise<Map<string, ExportedStep[]>> {
  const byRun = new Map<string, ExportedStep[]>();
  if (runIds.length === 0) return byRun;
  const found = await db.execute<{
    run_id: string;
    node_id: string;
    step_key: string;
    status: string;
    input: unknown;
    output: unknown;
    error: unknown;
    started_at: string;
  }>(sql`
    select run_id, node_id, step_key, status, input, output, error, started_at
      from step_runs
     where run_id = any(${`{${runIds.join(",")}}`}::uuid[])
     order by run_id, started_at, id`);
  for (const step of found.rows) {
    const list = byRun.get(step.run_id) ?? [];
    list.push({
      nodeId: step.node_id,
      stepKey: step.step_key,
      status: step.status,
      input: step.input,
      output: step.output,
      error: step.error,
      startedAt: iso(step.started_at),
    });
    byRun.set(step.run_id, list);
  }
  return byRun;
}
