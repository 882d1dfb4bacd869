import { type Database, sql } from "@handoff/db";
import { addRunJob } from "../runs/run-job";

export interface EnqueueRunInput {
  workspaceId: string;
  flowId: string;
  versionId: string;
  idempotencyKey: string;
  payload: unknown;
  headers: Record<string, string>;
  receivedAt: Date;
  sourceEventAt: Date;
  summary: string;
  businessKeys: string[];
}

export type EnqueueRunResult =
  | { inserted: true; eventId: string; runId: string }
  | { inserted: false; eventId: string; runId: string | null };

/**
 * The event, its run and the worker job, in one statement (so one transaction and one round
 * trip): either all three exist or none does. A second delivery of the same event hits the
 * unique (flow, key) index and gets the first delivery's run instead.
 */
export async function enqueueRun(db: Database, input: EnqueueRunInput): Promise<EnqueueRunResult> {
  const inserted = await db.execute<{ event_id: string | null; run_id: string | null }>(sql`
    with event as (
      insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, headers, received_at, source_event_at)
      values (${input.workspaceId}, ${input.flowId}, ${input.idempotencyKey}, 'accepted', ${JSON.stringify(input.payload)}::jsonb,
              ${JSON.stringify(input.headers)}::jsonb, ${input.receivedAt.toISOString()}, ${input.sourceEventAt.toISOString()})
      on conflict (flow_id, idempotency_key) where idempotency_key is not null do nothing
      returning id
    ), run as (
      insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status, trigger_summary,
                             business_keys, source_event_at, created_at)
      select ${input.workspaceId}, ${input.flowId}, ${input.versionId}, event.id, 'queued', ${input.summary},
             ${toTextArray(input.businessKeys)}::text[], ${input.sourceEventAt.toISOString()}, ${input.receivedAt.toISOString()}
        from event
      returning id
    ), job as (
      select ${addRunJob(sql`run.id`)} from run
    )
    select (select id from event) as event_id, (select id from run) as run_id, (select count(*) from job) as jobs`);
  const row = inserted.rows[0];
  if (row?.event_id && row.run_id) return { inserted: true, eventId: row.event_id, runId: row.run_id };

  const original = await db.execute<{ event_id: string; run_id: string | null }>(sql`
    select e.id as event_id, r.id as run_id
      from trigger_events e
      left join flow_runs r on r.trigger_event_id = e.id
     where e.flow_id = ${input.flowId} and e.idempotency_key = ${input.idempotencyKey}
     order by r.created_at
     limit 1`);
  const first = original.rows[0];
  if (!first) throw new Error("A duplicate event was reported but the original could not be found");
  return { inserted: false, eventId: first.event_id, runId: first.run_id };
}

/** Postgres array literal; keys are plain text, so quoting and backslash-escaping is enough. */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
