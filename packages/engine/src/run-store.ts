import { type Database, sql } from "@handoff/db";
import type { RunStatus } from "./run-status";

export interface StoredStep {
  stepKey: string;
  status: "running" | "succeeded" | "failed" | "skipped";
  output: unknown;
  attempt: number;
}

export interface ClaimedRun {
  runId: string;
  workspaceId: string;
  flowId: string;
  /** Null for an editor test run, which runs the draft it was started with. */
  versionId: string | null;
  isTest: boolean;
  graph: unknown;
  triggerPayload: unknown;
  steps: Map<string, StoredStep>;
}

/**
 * Marks the run running and loads everything it needs — graph, trigger payload, the steps already
 * recorded — in one round trip. Only a queued, waiting or (after a crash) running run is claimed:
 * a finished, cancelled or needs-attention run is left alone until a person retries it.
 */
export async function claimRun(db: Database, runId: string): Promise<ClaimedRun | null> {
  const result = await db.execute<{
    id: string;
    workspace_id: string;
    flow_id: string;
    flow_version_id: string | null;
    is_test: boolean;
    graph: unknown;
    payload: unknown;
    steps: { k: string; s: StoredStep["status"]; o: unknown; a: number }[];
  }>(sql`
    with claimed as (
      update flow_runs set status = 'running', started_at = coalesce(started_at, now()), attempt = attempt + 1
       where id = ${runId} and status in ('queued', 'waiting', 'running')
      returning id, workspace_id, flow_id, flow_version_id, trigger_event_id, is_test, test_graph
    )
    select c.id, c.workspace_id, c.flow_id, c.flow_version_id, c.is_test, coalesce(c.test_graph, v.graph) as graph, e.payload,
           (select coalesce(json_agg(json_build_object('k', s.step_key, 's', s.status, 'o', s.output, 'a', s.attempt)), '[]')
              from step_runs s where s.run_id = c.id) as steps
      from claimed c
      left join flow_versions v on v.id = c.flow_version_id
      left join trigger_events e on e.id = c.trigger_event_id`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    runId: row.id,
    workspaceId: row.workspace_id,
    flowId: row.flow_id,
    versionId: row.flow_version_id,
    isTest: row.is_test,
    graph: row.graph,
    triggerPayload: row.payload,
    steps: new Map(row.steps.map((s) => [s.k, { stepKey: s.k, status: s.s, output: s.o, attempt: s.a }])),
  };
}

export interface StepRecord {
  runId: string;
  stepKey: string;
  nodeId: string;
  status: StoredStep["status"];
  input: unknown;
  output: unknown;
  outputTruncated: boolean;
  error: unknown;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** One write per step attempt: the latest attempt replaces the previous one. */
export async function saveStep(db: Database, step: StepRecord): Promise<void> {
  await saveSteps(db, [step]);
}

/** Several step records in one statement (pure steps are buffered and written with the next one). */
export async function saveSteps(db: Database, steps: readonly StepRecord[]): Promise<void> {
  if (steps.length === 0) return;
  await db.execute(sql`${upsertSteps(steps)} select 1`);
}

function upsertSteps(steps: readonly StepRecord[]) {
  const rows = steps.map((step) => {
    const durationMs = step.finishedAt ? step.finishedAt.getTime() - step.startedAt.getTime() : null;
    return sql`(${step.runId}::uuid, ${step.stepKey}, ${step.nodeId}, ${step.status}::step_status, ${json(step.input)}::jsonb,
                ${json(step.output)}::jsonb, ${step.outputTruncated}, ${json(step.error)}::jsonb, ${step.attempt}::int,
                ${step.startedAt.toISOString()}::timestamptz, ${step.finishedAt?.toISOString() ?? null}::timestamptz, ${durationMs}::int)`;
  });
  return sql`
    with saved_steps as (
      insert into step_runs (run_id, step_key, node_id, status, input, output, output_truncated, error, attempt,
                             started_at, finished_at, duration_ms)
      values ${sql.join(rows, sql`, `)}
      on conflict (run_id, step_key) do update set
        status = excluded.status, input = excluded.input, output = excluded.output,
        output_truncated = excluded.output_truncated, error = excluded.error, attempt = excluded.attempt,
        started_at = excluded.started_at, finished_at = excluded.finished_at, duration_ms = excluded.duration_ms
      returning 1
    )`;
}

/** The run's new status, with any buffered step records, in one statement. */
export async function setRunStatus(
  db: Database,
  runId: string,
  status: Extract<RunStatus, "succeeded" | "needs_attention" | "waiting">,
  error: unknown = null,
  pendingSteps: readonly StepRecord[] = [],
): Promise<void> {
  const finished = status === "waiting" ? null : new Date().toISOString();
  const update = sql`
    update flow_runs set status = ${status}, error = ${json(error)}::jsonb, finished_at = ${finished}
     where id = ${runId}`;
  await db.execute(pendingSteps.length > 0 ? sql`${upsertSteps(pendingSteps)} ${update}` : update);
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
