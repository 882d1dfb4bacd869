import { type Database, sql } from "@handoff/db";
import { RUN_JOB_MAX_ATTEMPTS } from "../runs/run-job";
import type { EnqueueRunInput } from "./enqueue-run";

/** A verified delivery to store: with its run and job (`accepted`), or alone (paused, unmatched). */
export type EventToRecord =
  | ({ status: "accepted" } & EnqueueRunInput)
  | {
      status: "ignored_paused" | "ignored_unmatched";
      workspaceId: string;
      flowId: string;
      idempotencyKey: string;
      payload: unknown;
      headers: Record<string, string>;
      receivedAt: Date;
    };

/**
 * `inserted: false` is a second delivery of an event already stored: for an accepted event,
 * `eventId`/`runId` are the first delivery's; an ignored one only learns that it was a duplicate.
 */
export type RecordedEvent =
  | { inserted: true; eventId: string; runId: string | null }
  | { inserted: false; eventId: string | null; runId: string | null };

/**
 * Many deliveries in ONE statement, so one transaction and one durable commit: every event,
 * the runs of the accepted ones and their worker jobs (one `add_jobs` call for all). Either all
 * of it exists or none does. Results come back in the order of `events`.
 *
 * Two deliveries of the same event in one call are settled here, not by the unique index: the
 * first is written, the later ones answer as its duplicates.
 */
export async function recordEvents(db: Database, events: readonly EventToRecord[]): Promise<RecordedEvent[]> {
  const firstOfKey = new Map<string, number>();
  const leaders: number[] = [];
  events.forEach((event, index) => {
    const key = `${event.flowId}\u0000${event.idempotencyKey}`;
    if (firstOfKey.has(key)) return;
    firstOfKey.set(key, index);
    leaders.push(index);
  });

  const written = await writeEvents(
    db,
    leaders.map((index) => events[index] as EventToRecord),
  );
  const byIndex = new Map(leaders.map((index, position) => [index, written[position] as RecordedEvent]));
  await fillInOriginals(db, events, byIndex);

  return events.map((event, index) => {
    const own = byIndex.get(index);
    if (own) return own;
    const leader = byIndex.get(firstOfKey.get(`${event.flowId}\u0000${event.idempotencyKey}`) ?? -1);
    // The same answer a second request would get once the first is committed.
    if (event.status !== "accepted") return { inserted: false, eventId: null, runId: null };
    return { inserted: false, eventId: leader?.eventId ?? null, runId: leader?.runId ?? null };
  });
}

async function writeEvents(db: Database, events: readonly EventToRecord[]): Promise<RecordedEvent[]> {
  const rows = events.map((event, ord) => ({
    ord,
    workspace_id: event.workspaceId,
    flow_id: event.flowId,
    status: event.status,
    idempotency_key: event.idempotencyKey,
    payload: event.payload ?? null,
    headers: event.headers,
    received_at: event.receivedAt.toISOString(),
    ...(event.status === "accepted"
      ? {
          version_id: event.versionId,
          source_event_at: event.sourceEventAt.toISOString(),
          summary: event.summary,
          business_keys: event.businessKeys,
        }
      : {}),
  }));
  // The whole batch is one jsonb parameter: one statement text whatever the batch size, so
  // PostgreSQL parses the same query every time.
  const result = await db.execute<{ ord: number; event_id: string | null; run_id: string | null }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(
        ord int, workspace_id uuid, flow_id uuid, status trigger_event_status, idempotency_key text, payload jsonb,
        headers jsonb, received_at timestamptz, version_id uuid, source_event_at timestamptz, summary text,
        business_keys text[])
    ), event as (
      insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, headers, received_at, source_event_at)
      select workspace_id, flow_id, idempotency_key, status, payload, headers, received_at, source_event_at
        -- Key order, not arrival order: two batches in flight that share keys then take their
        -- index locks in the same order and cannot deadlock.
        from input order by flow_id, idempotency_key
      on conflict (flow_id, idempotency_key) where idempotency_key is not null do nothing
      returning id, flow_id, idempotency_key, status
    ), run as (
      insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status, trigger_summary,
                             business_keys, source_event_at, created_at)
      select i.workspace_id, i.flow_id, i.version_id, e.id, 'queued', i.summary, coalesce(i.business_keys, '{}'),
             i.source_event_at, i.received_at
        from event e join input i on i.flow_id = e.flow_id and i.idempotency_key = e.idempotency_key
       where e.status = 'accepted'
       order by i.ord
      returning id, trigger_event_id
    ), job as (
      select 1 from graphile_worker.add_jobs((
        select array_agg(row('execute_run', json_build_object('runId', r.id), null, null, ${RUN_JOB_MAX_ATTEMPTS}::int,
                             'run:' || r.id::text, null, null)::graphile_worker.job_spec)
          from run r))
    )
    select i.ord, e.id as event_id, r.id as run_id, (select count(*) from job) as jobs
      from input i
      left join event e on e.flow_id = i.flow_id and e.idempotency_key = i.idempotency_key
      left join run r on r.trigger_event_id = e.id
     order by i.ord`);
  const byOrd = new Map(result.rows.map((row) => [Number(row.ord), row]));
  return events.map((_, ord): RecordedEvent => {
    const row = byOrd.get(ord);
    return row?.event_id
      ? { inserted: true, eventId: row.event_id, runId: row.run_id }
      : { inserted: false, eventId: null, runId: null };
  });
}

/** Accepted events that were already stored answer with the first delivery's event and run. */
async function fillInOriginals(db: Database, events: readonly EventToRecord[], byIndex: Map<number, RecordedEvent>) {
  const repeats = [...byIndex].filter(
    ([index, recorded]) => !recorded.inserted && events[index]?.status === "accepted",
  );
  if (repeats.length === 0) return;
  const keys = repeats.map(([index]) => ({ flow_id: events[index]?.flowId, key: events[index]?.idempotencyKey }));
  const originals = await db.execute<{
    flow_id: string;
    idempotency_key: string;
    event_id: string;
    run_id: string | null;
  }>(sql`
    select distinct on (e.flow_id, e.idempotency_key) e.flow_id, e.idempotency_key, e.id as event_id, r.id as run_id
      from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(flow_id uuid, key text)
      join trigger_events e on e.flow_id = k.flow_id and e.idempotency_key = k.key
      left join flow_runs r on r.trigger_event_id = e.id
     order by e.flow_id, e.idempotency_key, r.created_at`);
  const found = new Map(originals.rows.map((row) => [`${row.flow_id}\u0000${row.idempotency_key}`, row]));
  for (const [index] of repeats) {
    const event = events[index] as EventToRecord;
    const original = found.get(`${event.flowId}\u0000${event.idempotencyKey}`);
    if (!original) throw new Error("A duplicate event was reported but the original could not be found");
    byIndex.set(index, { inserted: false, eventId: original.event_id, runId: original.run_id });
  }
}
