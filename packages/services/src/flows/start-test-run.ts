import { randomUUID } from "node:crypto";
import { getTrigger } from "@handoff/connectors";
import { type Database, eq, schema, sql } from "@handoff/db";
import { ancestorsOf, type FlowDocument, findTrigger, parseFlowDocument } from "@handoff/flow-core";
import { toTextArray } from "../ingest/enqueue-run";
import { addRunJob } from "../runs/run-job";
import { NotFoundError } from "./errors";
import { flowInWorkspace } from "./rename-flow";

/**
 * Where a test run's trigger event comes from. `step` tests one step alone: the event of the
 * earlier run `runId`, and that run's outputs for every other step, so only `nodeId` runs.
 */
export type TestEventSource =
  | { kind: "sample" }
  | { kind: "payload"; payload: unknown }
  | { kind: "run"; runId: string }
  | { kind: "step"; runId: string; nodeId: string };

export interface StartTestRunOptions {
  db: Database;
  workspaceId: string;
  flowId: string;
  source: TestEventSource;
  actorUserId: string | null;
}

/** The draft cannot be test-run as it is: the reason, for the person at the canvas. */
export class TestRunRefusedError extends Error {
  override name = "TestRunRefusedError";
}

/**
 * Runs the draft as it is on the canvas, now, through the worker like any run — but marked as a
 * test (only test connections may be used, see run-connection-policy; live ones are swapped for
 * their test twins here) and carrying its own copy of the draft, since a draft has no version. The event is the trigger's sample, a pasted
 * payload, or the event of a past run of this flow.
 */
export async function startTestRun({ db, workspaceId, flowId, source, actorUserId }: StartTestRunOptions) {
  const [flow] = await db
    .select({ draftGraph: schema.flows.draftGraph })
    .from(schema.flows)
    .where(flowInWorkspace(workspaceId, flowId));
  if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
  const parsed = parseFlowDocument(flow.draftGraph);
  if (!parsed.ok) throw new TestRunRefusedError(`The draft is not a valid flow: ${parsed.issues[0]?.message ?? ""}`);
  const tested = await withTestConnections(db, workspaceId, parsed.document);
  const triggerNode = findTrigger(tested);
  if (triggerNode?.type !== "trigger") throw new TestRunRefusedError("Add a trigger before testing");
  const trigger = getTrigger(triggerNode.connector, triggerNode.operation);
  const payload = await eventPayload(db, workspaceId, flowId, source, trigger);
  const summary = describe(trigger, payload);
  const keys = businessKeysOf(trigger, payload);
  const single = source.kind === "step" ? singleStep(tested, source.nodeId) : null;
  const draft = single?.graph ?? tested;
  // The earlier results of the steps before it are copied into the new run, where the engine
  // finds them as already done (as in a replay from a step): only the tested step runs again.
  const reused =
    single && source.kind === "step"
      ? sql`, reused as (
          insert into step_runs (run_id, step_key, node_id, status, input, output, output_truncated, attempt,
                                 started_at, finished_at, duration_ms)
          select run.id, s.step_key, s.node_id, s.status, s.input, s.output, s.output_truncated, s.attempt,
                 s.started_at, s.finished_at, s.duration_ms
            from run, step_runs s
           where s.run_id = ${source.runId} and s.status = 'succeeded'
             and s.node_id = any(${toTextArray(single.before)}::text[])
          returning 1
        )`
      : sql``;

  const created = await db.execute<{ run_id: string }>(sql`
    with event as (
      insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
      values (${workspaceId}, ${flowId}, ${`test:${randomUUID()}`}, 'accepted', ${JSON.stringify(payload)}::jsonb)
      returning id
    ), run as (
      insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status, is_test, test_graph,
                             trigger_summary, business_keys)
      select ${workspaceId}, ${flowId}, null, event.id, 'queued', true, ${JSON.stringify(draft)}::jsonb,
             ${single ? `Test of “${single.label}”: ${summary}` : `Test: ${summary}`}, ${toTextArray(keys)}::text[]
        from event
      returning id
    )${reused}, job as (
      select ${addRunJob(sql`run.id`)} from run
    )
    select (select id from run) as run_id, (select count(*) from job) as jobs`);
  const runId = created.rows[0]?.run_id;
  if (!runId) throw new Error("Starting the test run stored no run");
  void actorUserId; // Test runs change nothing a bookkeeper audits; the run itself is the record.
  return { runId };
}

/**
 * A test never acts through a live account: each step bound to a live connection runs with the
 * workspace's test connection of the same tool instead (the one named alike when there are
 * several). A tool with no test connection refuses the test, naming the step.
 */
async function withTestConnections(db: Database, workspaceId: string, draft: FlowDocument): Promise<FlowDocument> {
  const rows = await db
    .select({
      id: schema.connections.id,
      provider: schema.connections.provider,
      name: schema.connections.name,
      environment: schema.connections.environment,
    })
    .from(schema.connections)
    .where(eq(schema.connections.workspaceId, workspaceId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const nodes = draft.nodes.map((node) => {
    if ((node.type !== "trigger" && node.type !== "action") || !node.connectionId) return node;
    const bound = byId.get(node.connectionId);
    if (!bound || bound.environment === "test") return node;
    const candidates = rows.filter((row) => row.provider === bound.provider && row.environment === "test");
    const twin = candidates.find((row) => sameName(row.name, bound.name)) ?? candidates[0];
    if (!twin) {
      throw new TestRunRefusedError(
        `"${node.label || node.id}" uses the live connection "${bound.name}"; add a test connection for ${bound.provider} to test this flow`,
      );
    }
    return { ...node, connectionId: twin.id };
  });
  return { ...draft, nodes };
}

function sameName(a: string, b: string): boolean {
  const bare = (name: string) =>
    name
      .toLowerCase()
      .replace(/\b(live|test|sandbox)\b/g, "")
      .trim();
  return bare(a) === bare(b);
}

/**
 * The draft cut short after the tested step (its outgoing edges removed), so the run ends there
 * instead of acting again through every step after it.
 */
function singleStep(draft: FlowDocument, nodeId: string): { graph: FlowDocument; label: string; before: string[] } {
  const node = draft.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new TestRunRefusedError(`The draft has no step "${nodeId}" to test`);
  if (node.type === "trigger") throw new TestRunRefusedError("The trigger is tested by running the whole flow");
  return {
    graph: { ...draft, edges: draft.edges.filter((edge) => edge.source !== nodeId) },
    label: node.label.trim() || node.id,
    before: [...ancestorsOf(draft, nodeId)],
  };
}

type Trigger = ReturnType<typeof getTrigger>;

async function eventPayload(
  db: Database,
  workspaceId: string,
  flowId: string,
  source: TestEventSource,
  trigger: Trigger,
): Promise<unknown> {
  if (source.kind === "payload") return source.payload;
  if (source.kind === "run" || source.kind === "step") {
    const found = await db.execute<{ payload: unknown }>(sql`
      select e.payload from flow_runs r join trigger_events e on e.id = r.trigger_event_id
       where r.id = ${source.runId} and r.flow_id = ${flowId} and r.workspace_id = ${workspaceId}`);
    const row = found.rows[0];
    if (!row) throw new NotFoundError(`This flow has no run ${source.runId} to take the event from`);
    return row.payload;
  }
  const sample = trigger && "sample" in trigger ? trigger.sample : undefined;
  if (sample === undefined) {
    throw new TestRunRefusedError("This trigger has no sample event: paste a payload or pick a past run");
  }
  return sample;
}

function describe(trigger: Trigger, payload: unknown): string {
  if (!trigger) return "event";
  try {
    return "summary" in trigger && trigger.summary ? trigger.summary(payload as never) : trigger.name;
  } catch {
    return trigger.name; // A pasted payload may not have the fields the summary reads.
  }
}

function businessKeysOf(trigger: Trigger, payload: unknown): string[] {
  try {
    return trigger && "businessKeys" in trigger && trigger.businessKeys ? trigger.businessKeys(payload as never) : [];
  } catch {
    return [];
  }
}
