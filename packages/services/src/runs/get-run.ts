import { type Database, sql } from "@handoff/db";
import { NotFoundError } from "../flows/errors";

/** A run with every step (input, output, error): the shape of `handoff runs show --json`. */
export async function getRun({ db, runId }: { db: Database; runId: string }) {
  const runs = await db.execute<{
    id: string;
    workspace_id: string;
    flow_id: string;
    version: number | null;
    status: string;
    attempt: number;
    error: unknown;
    trigger_summary: string;
    business_keys: string[];
    replay_of_run_id: string | null;
    replay_from_node_id: string | null;
    created_at: string;
    source_event_at: string | null;
    started_at: string | null;
    finished_at: string | null;
    payload: unknown;
  }>(sql`
    select r.*, v.number as version, e.payload
      from flow_runs r
      left join flow_versions v on v.id = r.flow_version_id
      left join trigger_events e on e.id = r.trigger_event_id
     where r.id = ${runId}`);
  const run = runs.rows[0];
  if (!run) throw new NotFoundError(`Run ${runId} not found`);
  const steps = await db.execute<{
    step_key: string;
    node_id: string;
    status: string;
    input: unknown;
    output: unknown;
    output_truncated: boolean;
    error: unknown;
    attempt: number;
    started_at: string;
    finished_at: string | null;
    duration_ms: number | null;
  }>(sql`select * from step_runs where run_id = ${runId} order by started_at, id`);
  const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: run.id,
    workspaceId: run.workspace_id,
    flowId: run.flow_id,
    version: run.version,
    status: run.status,
    attempt: run.attempt,
    error: run.error,
    summary: run.trigger_summary,
    businessKeys: run.business_keys,
    replayOf: run.replay_of_run_id,
    replayFromStep: run.replay_from_node_id,
    createdAt: iso(run.created_at),
    sourceEventAt: iso(run.source_event_at),
    startedAt: iso(run.started_at),
    finishedAt: iso(run.finished_at),
    syncLagMs:
      run.source_event_at && run.finished_at ? Date.parse(run.finished_at) - Date.parse(run.source_event_at) : null,
    trigger: run.payload,
    steps: steps.rows.map((step) => ({
      stepKey: step.step_key,
      nodeId: step.node_id,
      status: step.status,
      attempt: step.attempt,
      input: step.input,
      output: step.output,
      outputTruncated: step.output_truncated,
      error: step.error,
      startedAt: iso(step.started_at),
      finishedAt: iso(step.finished_at),
      durationMs: step.duration_ms,
    })),
  };
}
