import { randomUUID } from "node:crypto";
import { type Database, sql } from "@handoff/db";
import { descendantsOf, ZFlowDocument } from "@handoff/flow-core";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import { toTextArray } from "../ingest/enqueue-run";
import { addRunJob } from "./run-job";

export interface ReplayRunOptions {
  db: Database;
  runId: string;
  /** Re-run this step and everything after it; earlier steps keep their recorded outputs. */
  fromNodeId?: string;
  /** Replay with a corrected trigger payload (a new trigger event, audited with the reason). */
  payload?: unknown;
  reason?: string;
  actorUserId: string | null;
}

/**
 * A replay is a new run linked to the original, on the same flow version. Steps before the
 * replay point are copied as succeeded, so they are memo hits: their side effects are not
 * repeated. Steps from the replay point on run under the new run's id (new idempotency keys).
 */
export async function replayRun({ db, runId, fromNodeId, payload, reason, actorUserId }: ReplayRunOptions) {
  return db.transaction(async (tx) => {
    const found = await tx.execute<{
      workspace_id: string;
      flow_id: string;
      flow_version_id: string;
      trigger_event_id: string | null;
      trigger_summary: string;
      business_keys: string[];
      source_event_at: string | null;
      graph: unknown;
    }>(sql`
      select r.workspace_id, r.flow_id, r.flow_version_id, r.trigger_event_id, r.trigger_summary, r.business_keys,
             r.source_event_at, v.graph
        from flow_runs r join flow_versions v on v.id = r.flow_version_id
       where r.id = ${runId}`);
    const original = found.rows[0];
    if (!original) throw new NotFoundError(`Run ${runId} not found`);
    const payloadEdited = payload !== undefined;
    // The audit trail must say why data that reaches other tools was changed by hand.
    if (payloadEdited && !reason?.trim()) throw new Error("Give a reason when replaying with an edited payload");
    const graph = ZFlowDocument.parse(original.graph);
    if (fromNodeId && !graph.nodes.some((node) => node.id === fromNodeId)) {
      throw new NotFoundError(`The flow version of run ${runId} has no step "${fromNodeId}"`);
    }
    if (payload !== undefined && fromNodeId && graph.nodes.find((n) => n.id === fromNodeId)?.type !== "trigger") {
      // Earlier steps were computed from the old payload; mixing them with a new one would lie.
      throw new Error("A replay with an edited payload starts from the trigger; leave out --from-step");
    }

    const triggerEventId =
      payload === undefined ? original.trigger_event_id : await insertReplayEvent(tx, original, payload);
    const rerun = fromNodeId ? [fromNodeId, ...descendantsOf(graph, fromNodeId)] : graph.nodes.map((node) => node.id);
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status, replay_of_run_id,
                             replay_from_node_id, trigger_summary, business_keys, source_event_at)
      values (${original.workspace_id}, ${original.flow_id}, ${original.flow_version_id}, ${triggerEventId}, 'queued',
              ${runId}, ${fromNodeId ?? null}, ${original.trigger_summary}, ${toTextArray(original.business_keys)}::text[],
              ${original.source_event_at})
      returning id`);
    const newRunId = inserted.rows[0]?.id;
    if (!newRunId) throw new Error("Inserting the replay run returned no row");
    await tx.execute(sql`
      insert into step_runs (run_id, step_key, node_id, status, input, output, output_truncated, attempt, started_at,
                             finished_at, duration_ms)
      select ${newRunId}, step_key, node_id, status, input, output, output_truncated, attempt, started_at, finished_at, duration_ms
        from step_runs
       where run_id = ${runId} and status = 'succeeded' and not (node_id = any(${toTextArray(rerun)}::text[]))`);
    await tx.execute(sql`select ${addRunJob(sql`${newRunId}::uuid`)}`);
    await recordAudit({
      db: tx,
      workspaceId: original.workspace_id,
      actorUserId,
      action: payloadEdited ? "run.replay_payload_edited" : "run.replayed",
      targetType: "run",
      targetId: runId,
      before: payloadEdited ? { payload: await storedPayload(tx, original.trigger_event_id) } : null,
      after: { newRunId, fromNodeId: fromNodeId ?? null, ...(payloadEdited ? { payload } : {}) },
      reason: reason?.trim() || null,
    });
    return { runId: newRunId, replayOf: runId, fromNodeId: fromNodeId ?? null };
  });
}

async function insertReplayEvent(
  tx: Pick<Database, "execute">,
  original: { workspace_id: string; flow_id: string; source_event_at: string | null },
  payload: unknown,
): Promise<string> {
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, source_event_at)
    values (${original.workspace_id}, ${original.flow_id}, ${`replay:${randomUUID()}`}, 'accepted',
            ${JSON.stringify(payload)}::jsonb, ${original.source_event_at})
    returning id`);
  const id = inserted.rows[0]?.id;
  if (!id) throw new Error("Inserting the replay event returned no row");
  return id;
}

/** The payload the original run was triggered with: the "before" of an edited replay. */
async function storedPayload(tx: Pick<Database, "execute">, triggerEventId: string | null): Promise<unknown> {
  if (!triggerEventId) return null;
  const found = await tx.execute<{ payload: unknown }>(
    sql`select payload from trigger_events where id = ${triggerEventId}`,
  );
  return found.rows[0]?.payload ?? null;
}
