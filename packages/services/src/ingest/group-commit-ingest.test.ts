import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { batchConcurrentCalls } from "./batch-concurrent-calls";
import { createEventRecorder } from "./event-recorder";
import { ingestWebhookEvent } from "./ingest-webhook-event";
import { type EventToRecord, recordEvents } from "./record-events";

const secretBox = createSecretBox(Buffer.alloc(32, 9).toString("base64"));

const graph: FlowDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      connector: "core",
      operation: "webhook",
      props: {},
      label: "Order",
      position: { x: 0, y: 0 },
    },
  ],
  edges: [],
};

describe("group commit of webhooks", () => {
  let database: TestDatabase;
  let workspaceId: string;
  const flows: Record<"active" | "other" | "paused", { id: string; hookId: string; versionId: string }> = {} as never;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Batch Bakery" })).id;
    for (const name of ["active", "other", "paused"] as const) {
      const flow = await createFlow({ db: database.db, workspaceId, name: `Orders ${name}`, graph, actorUserId: null });
      await publishFlow({ db: database.db, flowId: flow.id, message: "v1", actorUserId: null });
      const { rows } = await database.pool.query<{ version_id: string }>(
        "select current_version_id as version_id from flows where id = $1",
        [flow.id],
      );
      flows[name] = { id: flow.id, hookId: flow.hookId, versionId: rows[0]?.version_id ?? "" };
    }
    await database.pool.query("update flows set status = 'paused' where id = $1", [flows.paused.id]);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const deliver = (hookId: string, body: object) =>
    ingestWebhookEvent({
      db: database.db,
      secretBox,
      hookId,
      method: "POST",
      url: `http://127.0.0.1/api/hooks/${hookId}`,
      headers: { "content-type": "application/json" },
      rawBody: Buffer.from(JSON.stringify(body)),
    });

  const accepted = (flow: keyof typeof flows, key: string, extra: Partial<EventToRecord> = {}): EventToRecord =>
    ({
      status: "accepted",
      workspaceId,
      flowId: flows[flow].id,
      versionId: flows[flow].versionId,
      idempotencyKey: key,
      payload: { id: key },
      headers: { "content-type": "application/json" },
      receivedAt: new Date(),
      sourceEventAt: new Date(),
      summary: `Order ${key}`,
      businessKeys: [`order:${key}`, 'quote"and\\slash'],
      ...extra,
    }) as EventToRecord;

  it("writes a mixed batch in one statement: runs and jobs for accepted events, none for ignored ones", async () => {
    const results = await recordEvents(database.db, [
      accepted("active", "mix-1"),
      accepted("other", "mix-1"),
      { ...accepted("paused", "mix-2"), status: "ignored_paused" } as EventToRecord,
      accepted("active", "mix-3"),
    ]);
    expect(results.map((result) => result.inserted)).toEqual([true, true, true, true]);
    expect(results[2]?.runId).toBeNull();
    const runIds = [results[0], results[1], results[3]].map((result) => result?.runId);
    expect(new Set(runIds).size).toBe(3);

    const { rows: runs } = await database.pool.query<{ id: string; business_keys: string[]; event_id: string }>(
      "select id, business_keys, trigger_event_id as event_id from flow_runs where id = any($1::uuid[]) order by id",
      [runIds],
    );
    expect(runs).toHaveLength(3);
    expect(runs[0]?.business_keys).toEqual([expect.stringMatching(/^order:mix-/), 'quote"and\\slash']);
    const { rows: jobs } = await database.pool.query<{ key: string; run_id: string; max_attempts: number }>(
      "select key, payload->>'runId' as run_id, max_attempts from graphile_worker._private_jobs where key = any($1::text[])",
      [runIds.map((id) => `run:${id}`)],
    );
    expect(jobs.map((job) => job.run_id).sort()).toEqual([...runIds].sort());
    const { rows: ignored } = await database.pool.query<{ status: string; runs: number }>(
      `select e.status, (select count(*)::int from flow_runs r where r.trigger_event_id = e.id) as runs
         from trigger_events e where e.id = $1`,
      [results[2]?.eventId],
    );
    expect(ignored).toEqual([{ status: "ignored_paused", runs: 0 }]);
  });

  it("answers a duplicate within one batch, and one of an earlier batch, with the first delivery's run", async () => {
    const [first, again, stillAgain] = await recordEvents(database.db, [
      accepted("active", "dup-1"),
      accepted("active", "dup-1", { payload: { id: "dup-1", second: true } }),
      accepted("active", "dup-1"),
    ]);
    expect(first).toMatchObject({ inserted: true, runId: expect.any(String) });
    expect(again).toEqual({ inserted: false, eventId: first?.eventId, runId: first?.runId });
    expect(stillAgain).toEqual(again);

    const [later, fresh] = await recordEvents(database.db, [accepted("active", "dup-1"), accepted("active", "dup-2")]);
    expect(later).toEqual({ inserted: false, eventId: first?.eventId, runId: first?.runId });
    expect(fresh?.inserted).toBe(true);
    const { rows } = await database.pool.query<{ events: number; runs: number; payload: unknown }>(
      `select count(distinct e.id)::int as events, count(r.id)::int as runs, min(e.payload::text)::jsonb as payload
         from trigger_events e left join flow_runs r on r.trigger_event_id = e.id
        where e.flow_id = $1 and e.idempotency_key = 'dup-1'`,
      [flows.active.id],
    );
    expect(rows).toEqual([{ events: 1, runs: 1, payload: { id: "dup-1" } }]);
  });

  it("gathers what is submitted in one turn into one write, and what arrives during a write into the next", async () => {
    const batches: number[][] = [];
    let release = () => {};
    const groupCommit = batchConcurrentCalls<number, number>({
      maxInFlight: 1,
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items.map((item) => ({ ok: true, value: item * 10 }));
      },
    });
    const first = [1, 2, 3].map((item) => groupCommit.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map((item) => groupCommit.submit(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("keeps a batch within its byte budget, but never refuses a lone large item", async () => {
    const batches: string[][] = [];
    const groupCommit = batchConcurrentCalls<string, string>({
      maxBatchBytes: 100,
      run: async (items) => {
        batches.push(items);
        return items.map((item) => ({ ok: true, value: item }));
      },
    });
    await Promise.all([
      groupCommit.submit("a", 60),
      groupCommit.submit("b", 30),
      groupCommit.submit("c", 30),
      groupCommit.submit("huge", 500),
    ]);
    expect(batches).toEqual([["a", "b"], ["c"], ["huge"]]);
  });

  it("writes a failed batch again one by one: only the bad delivery is refused", async () => {
    const recorder = createEventRecorder(database.db);
    // PostgreSQL's jsonb refuses a NUL character, which fails the whole multi-row statement.
    const outcomes = await Promise.allSettled([
      recorder.record(accepted("active", "fb-1")),
      recorder.record(accepted("active", "fb-bad", { payload: { id: "fb-bad", note: "nul \u0000 here" } })),
      recorder.record(accepted("other", "fb-2")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const { rows } = await database.pool.query<{ key: string }>(
      `select e.idempotency_key as key from trigger_events e join flow_runs r on r.trigger_event_id = e.id
        where e.idempotency_key like 'fb-%' order by 1`,
    );
    expect(rows.map((row) => row.key)).toEqual(["fb-1", "fb-2"]);
  });

  it("answers concurrent webhooks each after the commit: accepted, duplicates of the first, paused without a run, unknown hooks", async () => {
    const outcomes = await Promise.all([
      deliver(flows.active.hookId, { id: "c-1" }),
      deliver(flows.active.hookId, { id: "c-1" }),
      deliver(flows.other.hookId, { id: "c-1" }),
      deliver(flows.paused.hookId, { id: "c-2" }),
      deliver("no-such-hook", { id: "c-3" }),
      ...Array.from({ length: 20 }, (_, i) => deliver(flows.active.hookId, { id: `c-many-${i}` })),
    ]);
    const [a, b, other, paused] = outcomes;
    const [accepted1, duplicate] = a?.outcome === "accepted" ? [a, b] : [b, a];
    expect(accepted1).toMatchObject({ outcome: "accepted", status: 202 });
    expect(duplicate).toMatchObject({
      outcome: "duplicate",
      status: 200,
      runId: accepted1?.outcome === "accepted" ? accepted1.runId : "?",
    });
    expect(other).toMatchObject({ outcome: "accepted", status: 202 });
    expect(paused).toMatchObject({ outcome: "paused", status: 202, eventId: expect.any(String) });
    expect(outcomes[4]).toMatchObject({ outcome: "rejected", status: 404 });
    expect(outcomes.slice(5).every((outcome) => outcome.outcome === "accepted")).toBe(true);

    // Every 202 is committed by the time it is answered: its run and its job exist.
    const runIds = outcomes.flatMap((outcome) => (outcome.outcome === "accepted" ? [outcome.runId] : []));
    expect(runIds).toHaveLength(22);
    const { rows } = await database.pool.query<{ runs: number; jobs: number }>(
      `select (select count(*)::int from flow_runs where id = any($1::uuid[])) as runs,
              (select count(*)::int from graphile_worker.jobs where key = any($2::text[])) as jobs`,
      [runIds, runIds.map((id) => `run:${id}`)],
    );
    expect(rows).toEqual([{ runs: 22, jobs: 22 }]);
  });
});
