import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edge, flowDocument, post, webhookTrigger, writeFlowFile } from "./support/flows";
import { startIngestServer } from "./support/ingest-server";
import { runCli, startWorkerProcess, stopWorker, type WorkerProcess, waitFor, workerReady } from "./support/processes";
import { type Sink, startSink } from "./support/sink";

const DISTINCT_EVENTS = 900;
const DUPLICATES = 100;

describe("exactly once through duplicates and a killed worker", () => {
  let database: TestDatabase;
  let sink: Sink;
  let ingest: Awaited<ReturnType<typeof startIngestServer>>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSink({ latencyMs: 200 });
    ingest = await startIngestServer(database.db);
    expect((await runCli(["create-user", "--email", "owner@shop.test", "--role", "owner"], database.url)).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await stopWorker(worker);
    await ingest.close();
    await sink.close();
    await database.destroy();
  });

  async function lockedJobsOf(workerId: string): Promise<number> {
    const { rows } = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker._private_jobs j, worker_heartbeats h
        where h.worker_id = $1 and j.locked_by = any(h.queue_worker_ids)`,
      [workerId],
    );
    return rows[0]?.n ?? 0;
  }

  it("gives every distinct event one run, every run succeeds, and each side effect happens once", async () => {
    const imported = await runCli(
      [
        "flows",
        "import",
        await writeFlowFile(
          "Orders",
          flowDocument(
            [webhookTrigger, post("charge", "Record order", `${sink.url}/orders`, { order: "{{ trigger.id }}" })],
            [edge("hook", "charge")],
          ),
        ),
        "--publish",
        "-m",
        "v1",
      ],
      database.url,
    );
    const { hookId } = JSON.parse(imported.stdout) as { hookId: string };

    workers.push(startWorkerProcess(database.url, "worker-a"), startWorkerProcess(database.url, "worker-b"));
    await Promise.all(workers.map((worker) => workerReady(worker)));

    // 900 events, then 100 of them delivered again, shuffled together.
    const ids = Array.from({ length: DISTINCT_EVENTS }, (_, i) => `order-${i}`);
    const deliveries = [...ids, ...ids.filter((_, i) => i % 9 === 0).slice(0, DUPLICATES)].sort(
      () => Math.random() - 0.5,
    );
    const outcomes: string[] = [];
    let next = 0;
    let killed = false;
    const sendAll = async () => {
      while (next < deliveries.length) {
        const id = deliveries[next++] as string;
        const response = await ingest.post(hookId, { id });
        outcomes.push(String(response.body.outcome ?? response.status));
      }
    };
    const killOnceBusy = async () => {
      // SIGKILL worker-a while it holds jobs, then bring up a replacement.
      await waitFor(
        async () => (await lockedJobsOf("worker-a")) > 0,
        60_000,
        () => "worker-a never held a job",
      );
      workers[0]?.child.kill("SIGKILL");
      await workers[0]?.exited;
      killed = true;
      const replacement = startWorkerProcess(database.url, "worker-a2");
      workers[0] = replacement;
      await workerReady(replacement);
    };
    await Promise.all([...Array.from({ length: 16 }, sendAll), killOnceBusy()]);
    expect(killed).toBe(true);
    expect(outcomes.filter((outcome) => outcome === "accepted")).toHaveLength(DISTINCT_EVENTS);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(DUPLICATES);

    await waitFor(
      async () => {
        const { rows } = await database.pool.query<{ n: number }>(
          "select count(*)::int as n from flow_runs where status <> 'succeeded'",
        );
        return rows[0]?.n === 0;
      },
      120_000,
      () => `runs still unfinished; worker-b said:\n${workers[1]?.output()}`,
    );

    const { rows: runs } = await database.pool.query<{ n: number; events: number }>(
      "select count(*)::int as n, count(distinct trigger_event_id)::int as events from flow_runs",
    );
    expect(runs[0]).toEqual({ n: DISTINCT_EVENTS, events: DISTINCT_EVENTS });
    const effectsPerOrder = new Map<string, number>();
    for (const call of sink.effectsAt("/orders")) {
      const order = (JSON.parse(call.body) as { order: string }).order;
      effectsPerOrder.set(order, (effectsPerOrder.get(order) ?? 0) + 1);
    }
    expect(effectsPerOrder.size).toBe(DISTINCT_EVENTS);
    expect([...effectsPerOrder.values()].every((count) => count === 1)).toBe(true);
    // The killed worker's jobs were released by a survivor, not left for graphile's 4-hour timeout.
    expect(workers.map((worker) => worker.output()).join("\n")).toMatch(
      /released \d+ job\(s\) held by stopped worker\(s\) worker-a/,
    );
  }, 240_000);
});
