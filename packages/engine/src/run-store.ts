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
 * Runs claimed at the same moment in one process share the statement (see `batchesFor`).
 */
export async function claimRun(db: Database, runId: string): Promise<ClaimedRun | null> {
  return batchesFor(db).claims.submit(runId);
}

async function claimRuns(db: Database, runIds: readonly string[]): Promise<(ClaimedRun | null)[]> {
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
       where id = any(${`{${[...new Set(runIds)].join(",")}}`}::uuid[]) and status in ('queued', 'waiting', 'running')
      returning id, workspace_id, flow_id, flow_version_id, trigger_event_id, is_test, test_graph
    )
    select c.id, c.workspace_id, c.flow_id, c.flow_version_id, c.is_test, coalesce(c.test_graph, v.graph) as graph, e.payload,
           (select coalesce(json_agg(json_build_object('k', s.step_key, 's', s.status, 'o', s.output, 'a', s.attempt)), '[]')
              from step_runs s where s.run_id = c.id) as steps
      from claimed c
      left join flow_versions v on v.id = c.flow_version_id
      left join trigger_events e on e.id = c.trigger_event_id`);
  const byId = new Map(result.rows.map((row) => [row.id, row]));
  return runIds.map((runId) => {
    const row = byId.get(runId);
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
  });
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
  await batchesFor(db).writes.submit({ steps });
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
  const finishedAt = status === "waiting" ? null : new Date().toISOString();
  await batchesFor(db).writes.submit({
    steps: pendingSteps,
    status: { runId, status, error: json(error), finishedAt },
  });
}

interface RunWrite {
  steps: readonly StepRecord[];
  status?: { runId: string; status: RunStatus; error: string | null; finishedAt: string | null };
}

/** The step records and run statuses of several runs in one statement, so one commit. */
async function writeRuns(db: Database, writes: readonly RunWrite[]): Promise<void> {
  const steps = writes.flatMap((write) => write.steps);
  const statuses = writes.flatMap((write) => (write.status ? [write.status] : []));
  const update =
    statuses.length > 0
      ? sql`
    update flow_runs r set status = u.status::run_status, error = u.error::jsonb, finished_at = u.finished_at::timestamptz
      from (values ${sql.join(
        statuses.map((u) => sql`(${u.runId}::uuid, ${u.status}, ${u.error}, ${u.finishedAt})`),
        sql`, `,
      )}) as u(id, status, error, finished_at)
     where r.id = u.id`
      : sql`select 1`;
  await db.execute(steps.length > 0 ? sql`${upsertSteps(steps)} ${update}` : update);
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Group commit for the runs one worker process executes at the same time: claims made in the same
 * turn of the event loop (a fetched batch of jobs starts together) share one statement, and so do
 * step records and statuses written while an earlier write is in flight. Each caller still
 * continues only after its own rows are committed. A failed batch is written again one by one,
 * so one bad row fails only its own run.
 */
interface RunStoreBatches {
  claims: MicroBatch<string, ClaimedRun | null>;
  writes: MicroBatch<RunWrite, void>;
}

const batchesByDb = new WeakMap<Database, RunStoreBatches>();

function batchesFor(db: Database): RunStoreBatches {
  let batches = batchesByDb.get(db);
  if (!batches) {
    batches = {
      claims: microBatch((runIds) => claimRuns(db, runIds)),
      writes: microBatch(async (writes) => {
        await writeRuns(db, writes);
        return writes.map(() => undefined);
      }),
    };
    batchesByDb.set(db, batches);
  }
  return batches;
}

interface MicroBatch<I, O> {
  submit(item: I): Promise<O>;
}

function microBatch<I, O>(write: (items: I[]) => Promise<O[]>, maxInFlight = 2, maxBatch = 100): MicroBatch<I, O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };
  const settle = async (batch: Waiting[]) => {
    try {
      const results = await write(batch.map((waiting) => waiting.item));
      for (const [index, waiting] of batch.entries()) waiting.resolve(results[index] as O);
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const waiting of batch) await settle([waiting]);
    }
  };
  function flush() {
    scheduled = false;
    if (inFlight >= maxInFlight || queue.length === 0) return;
    inFlight += 1;
    void settle(queue.splice(0, maxBatch)).finally(() => {
      inFlight -= 1;
      schedule();
    });
    schedule();
  }
  return {
    submit: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      }),
  };
}
