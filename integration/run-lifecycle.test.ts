import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edge, flowDocument, post, webhookTrigger, writeFlowFile } from "./support/flows";
import { startIngestServer } from "./support/ingest-server";
import { runCli, startWorkerProcess, stopWorker, type WorkerProcess, waitFor, workerReady } from "./support/processes";
import { type Sink, startSink } from "./support/sink";

/**
 * The run lifecycle across real processes: flows imported and published with the CLI, events
 * posted to the real hook handler, runs executed by a real worker process against an HTTP sink.
 */
describe("run lifecycle", () => {
  let database: TestDatabase;
  let sink: Sink;
  let ingest: Awaited<ReturnType<typeof startIngestServer>>;
  let worker: WorkerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSink();
    ingest = await startIngestServer(database.db, 8 * 1024);
    expect((await runCli(["create-user", "--email", "owner@shop.test", "--role", "owner"], database.url)).code).toBe(0);
    worker = startWorkerProcess(database.url, "lifecycle-worker");
    await workerReady(worker);
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await ingest.close();
    await sink.close();
    await database.destroy();
  });

  async function importAndPublish(name: string, graph: ReturnType<typeof flowDocument>) {
    const result = await runCli(
      ["flows", "import", await writeFlowFile(name, graph), "--publish", "-m", "first"],
      database.url,
    );
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { id: string; hookId: string; version: number };
  }

  async function runStatus(runId: string) {
    const { rows } = await database.pool.query<{ status: string; error: { nodeId?: string; message?: string } | null }>(
      "select status, error from flow_runs where id = $1",
      [runId],
    );
    return rows[0];
  }

  const settled = (runId: string, status: string) =>
    waitFor(
      async () => (await runStatus(runId))?.status === status,
      30_000,
      () => `${runId} never reached ${status}`,
    );

  it("runs webhook → condition → two HTTP actions, only down the branch the condition picks", async () => {
    const graph = flowDocument(
      [
        webhookTrigger,
        {
          id: "big",
          type: "condition",
          label: "Big order?",
          position: { x: 200, y: 0 },
          props: { combinator: "and", rules: [{ field: "trigger.amount", operator: "greater_or_equal", value: 100 }] },
        },
        post("notify", "Notify sales", `${sink.url}/big-orders`, {
          order: "{{ trigger.id }}",
          amount: "{{ trigger.amount }}",
        }),
        post("audit", "Audit log", `${sink.url}/audit`, {
          order: "{{ trigger.id }}",
          notified: "{{ steps.notify.status }}",
        }),
      ],
      [edge("hook", "big"), edge("big", "notify", "true"), edge("notify", "audit")],
    );
    const flow = await importAndPublish("Big orders", graph);
    expect(flow.version).toBe(1);

    const big = await ingest.post(flow.hookId, { id: "order-1", amount: 150 });
    const small = await ingest.post(flow.hookId, { id: "order-2", amount: 20 });
    expect(big.status).toBe(202);
    expect(small.status).toBe(202);
    await settled(String(big.body.runId), "succeeded");
    await settled(String(small.body.runId), "succeeded");

    expect(sink.effectsAt("/big-orders").map((call) => JSON.parse(call.body))).toEqual([
      { order: "order-1", amount: 150 },
    ]);
    expect(sink.effectsAt("/audit").map((call) => JSON.parse(call.body))).toEqual([
      { order: "order-1", notified: 200 },
    ]);
    expect(sink.effectsAt("/big-orders")[0]?.idempotencyKey).toBe(`${big.body.runId}:notify`);

    const shown = await runCli(["runs", "show", String(big.body.runId), "--json"], database.url);
    const run = JSON.parse(shown.stdout) as {
      status: string;
      version: number;
      steps: { nodeId: string; status: string }[];
    };
    expect(run.status).toBe("succeeded");
    expect(run.version).toBe(1);
    expect(run.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ["hook", "succeeded"],
      ["big", "succeeded"],
      ["notify", "succeeded"],
      ["audit", "succeeded"],
    ]);
    const smallRun = JSON.parse(
      (await runCli(["runs", "show", String(small.body.runId), "--json"], database.url)).stdout,
    ) as {
      steps: { nodeId: string; output: unknown }[];
    };
    expect(smallRun.steps.map((step) => step.nodeId)).toEqual(["hook", "big"]);
    expect(smallRun.steps[1]?.output).toEqual({ result: false, handles: ["false"] });
  });

  it("answers a second delivery of the same event with the first run, and runs it once", async () => {
    const flow = await importAndPublish(
      "Dedupe",
      flowDocument(
        [webhookTrigger, post("once", "Once", `${sink.url}/once`, { id: "{{ trigger.id }}" })],
        [edge("hook", "once")],
      ),
    );
    const first = await ingest.post(flow.hookId, { id: "evt-7" });
    const again = await ingest.post(flow.hookId, { id: "evt-7" });
    expect(first.status).toBe(202);
    expect(again).toEqual({
      status: 200,
      body: { outcome: "duplicate", runId: first.body.runId, eventId: first.body.eventId },
    });
    await settled(String(first.body.runId), "succeeded");
    expect(sink.effectsAt("/once")).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After, then succeeds", async () => {
    sink.script("/limited", [{ status: 429, headers: { "retry-after": "2" }, body: { message: "slow down" } }]);
    const flow = await importAndPublish(
      "Rate limited",
      flowDocument([webhookTrigger, post("call", "Call API", `${sink.url}/limited`, { n: 1 })], [edge("hook", "call")]),
    );
    const { body } = await ingest.post(flow.hookId, { id: "rl-1" });
    await settled(String(body.runId), "succeeded");
    const attempts = sink.calls.filter((call) => call.path === "/limited");
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_000);
    const { rows } = await database.pool.query("select attempt from step_runs where run_id = $1 and node_id = 'call'", [
      body.runId,
    ]);
    expect(rows).toEqual([{ attempt: 2 }]);
  });

  it("stops at a 400 naming the node, and `runs retry` finishes without repeating what succeeded", async () => {
    sink.script("/crm", [{ status: 400, body: { message: "email is invalid" } }]);
    const graph = flowDocument(
      [
        webhookTrigger,
        post("invoice", "Create invoice", `${sink.url}/invoices`, { id: "{{ trigger.id }}" }),
        post("crm", "Update CRM", `${sink.url}/crm`, { id: "{{ trigger.id }}" }, 400),
      ],
      [edge("hook", "invoice"), edge("invoice", "crm")],
    );
    const flow = await importAndPublish("Invoice then CRM", graph);
    const { body } = await ingest.post(flow.hookId, { id: "inv-9" });
    const runId = String(body.runId);
    await settled(runId, "needs_attention");
    const failed = await runStatus(runId);
    expect(failed?.error?.nodeId).toBe("crm");
    expect(failed?.error?.message).toContain('Step "Update CRM" (crm) failed');
    expect(failed?.error?.message).toContain("email is invalid");
    expect(sink.calls.filter((call) => call.path === "/crm")).toHaveLength(1); // final: no automatic retry

    const retried = await runCli(["runs", "retry", runId], database.url);
    expect(JSON.parse(retried.stdout)).toEqual({ runId, previousStatus: "needs_attention" });
    await settled(runId, "succeeded");
    expect(sink.calls.filter((call) => call.path === "/invoices")).toHaveLength(1);
    expect(sink.effectsAt("/crm")).toHaveLength(1);
  });

  it("replays from a step, reusing the outputs of the steps before it", async () => {
    const graph = flowDocument(
      [
        webhookTrigger,
        post("first", "First", `${sink.url}/first`, { id: "{{ trigger.id }}" }),
        post("second", "Second", `${sink.url}/second`, { after: "{{ steps.first.status }}" }, 400),
      ],
      [edge("hook", "first"), edge("first", "second")],
    );
    const flow = await importAndPublish("Replayable", graph);
    const { body } = await ingest.post(flow.hookId, { id: "rp-1" });
    await settled(String(body.runId), "succeeded");

    const replay = await runCli(["runs", "replay", String(body.runId), "--from-step", "second"], database.url);
    const replayed = JSON.parse(replay.stdout) as { runId: string; replayOf: string; fromNodeId: string };
    expect(replayed).toMatchObject({ replayOf: body.runId, fromNodeId: "second" });
    await settled(replayed.runId, "succeeded");
    expect(sink.calls.filter((call) => call.path === "/first")).toHaveLength(1);
    expect(sink.effectsAt("/second").map((call) => [call.idempotencyKey, JSON.parse(call.body)])).toEqual([
      [`${body.runId}:second`, { after: 200 }],
      [`${replayed.runId}:second`, { after: 200 }],
    ]);
  });

  it("bulk-retries the runs that need attention, and replays one with a corrected payload", async () => {
    sink.script(
      "/bulk",
      [400, 400, 400].map((status) => ({ status, body: { message: "customer locked" } })),
    );
    const flow = await importAndPublish(
      "Bulk",
      flowDocument(
        [webhookTrigger, post("sync", "Sync", `${sink.url}/bulk`, { id: "{{ trigger.id }}" })],
        [edge("hook", "sync")],
      ),
    );
    const runIds: string[] = [];
    for (const id of ["b-1", "b-2", "b-3"]) runIds.push(String((await ingest.post(flow.hookId, { id })).body.runId));
    for (const runId of runIds) await settled(runId, "needs_attention");

    const bulk = await runCli(["runs", "retry", "--flow", flow.id], database.url);
    const result = JSON.parse(bulk.stdout) as { retried: string[]; refused: unknown[] };
    expect(result.refused).toEqual([]);
    expect([...result.retried].sort()).toEqual([...runIds].sort());
    for (const runId of runIds) await settled(runId, "succeeded");
    expect(
      sink
        .effectsAt("/bulk")
        .map((call) => JSON.parse(call.body).id)
        .sort(),
    ).toEqual(["b-1", "b-2", "b-3"]);

    const payloadFile = path.join(tmpdir(), `handoff-payload-${process.pid}.json`);
    await writeFile(payloadFile, JSON.stringify({ id: "b-1-corrected" }));
    const replay = await runCli(
      ["runs", "replay", String(runIds[0]), "--payload", payloadFile, "--reason", "wrong customer id"],
      database.url,
    );
    const replayed = JSON.parse(replay.stdout) as { runId: string };
    await settled(replayed.runId, "succeeded");
    expect(sink.effectsAt("/bulk").map((call) => JSON.parse(call.body).id)).toContain("b-1-corrected");
    const audit = await database.pool.query<{ reason: string; target_id: string }>(
      "select reason, target_id from audit_log where action = 'run.replay_payload_edited'",
    );
    expect(audit.rows).toEqual([{ reason: "wrong customer id", target_id: runIds[0] }]);
  });

  it("refuses malformed JSON, bad signatures and oversized bodies, and records each", async () => {
    const flow = await importAndPublish(
      "Signed",
      flowDocument([webhookTrigger, post("x", "X", `${sink.url}/signed`, {})], [edge("hook", "x")]),
    );
    const { setHookSecret } = await import("@handoff/services");
    await setHookSecret({
      db: database.db,
      secretBox: ingest.secretBox,
      flowId: flow.id,
      secret: "topsecret",
      actorUserId: null,
    });

    const malformed = await ingest.post(flow.hookId, '{"id": tru', {
      "x-handoff-signature": sign("topsecret", '{"id": tru'),
    });
    expect(malformed.status).toBe(400);
    expect(String(malformed.body.error)).toContain("not valid JSON");
    const unsigned = await ingest.post(flow.hookId, { id: "s-1" });
    expect(unsigned.status).toBe(401);
    const forged = await ingest.post(
      flow.hookId,
      { id: "s-1" },
      { "x-handoff-signature": sign("wrong", '{"id":"s-1"}') },
    );
    expect(forged.status).toBe(401);
    const huge = await ingest.post(
      flow.hookId,
      { id: "s-2", pad: "x".repeat(9 * 1024) },
      { "x-handoff-signature": "sha256=00" },
    );
    expect(huge.status).toBe(413);
    const good = await ingest.post(flow.hookId, '{"id":"s-3"}', {
      "x-handoff-signature": sign("topsecret", '{"id":"s-3"}'),
    });
    expect(good.status).toBe(202);

    const { rows } = await database.pool.query<{ status: string; reason: string | null }>(
      "select status, rejection_reason as reason from trigger_events where flow_id = $1 order by received_at",
      [flow.id],
    );
    expect(rows.map((row) => [row.status, row.reason?.slice(0, 4) ?? null])).toEqual([
      ["rejected", "400:"],
      ["rejected", "401:"],
      ["rejected", "401:"],
      ["rejected", "413:"],
      ["accepted", null],
    ]);
  });

  it("records events of a paused flow without running them", async () => {
    const flow = await importAndPublish(
      "Pausable",
      flowDocument([webhookTrigger, post("p", "P", `${sink.url}/paused`, {})], [edge("hook", "p")]),
    );
    expect(JSON.parse((await runCli(["flows", "pause", flow.id], database.url)).stdout)).toEqual({
      flowId: flow.id,
      status: "paused",
      subscription: "none",
    });
    const response = await ingest.post(flow.hookId, { id: "pz-1" });
    expect(response.status).toBe(202);
    expect(response.body.outcome).toBe("paused");
    const { rows } = await database.pool.query("select status::text from trigger_events where flow_id = $1", [flow.id]);
    expect(rows).toEqual([{ status: "ignored_paused" }]);
    const runs = await database.pool.query("select 1 from flow_runs where flow_id = $1", [flow.id]);
    expect(runs.rowCount).toBe(0);
  });
});

import { createHmac } from "node:crypto";

function sign(secret: string, body: string) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
