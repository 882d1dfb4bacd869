import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edge, flowDocument, post, webhookTrigger, writeFlowFile } from "./support/flows";
import { startIngestServer } from "./support/ingest-server";
import { runCli, startWorkerProcess, waitFor, workerReady } from "./support/processes";
import { type Sink, startSink } from "./support/sink";

describe("a worker stopped with SIGTERM", () => {
  let database: TestDatabase;
  let sink: Sink;
  let ingest: Awaited<ReturnType<typeof startIngestServer>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSink({ latencyMs: 1_500 });
    ingest = await startIngestServer(database.db);
    expect((await runCli(["create-user", "--email", "owner@shop.test", "--role", "owner"], database.url)).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await ingest.close();
    await sink.close();
    await database.destroy();
  });

  it("finishes the run it is in the middle of, then exits cleanly", async () => {
    const file = await writeFlowFile(
      "Slow",
      flowDocument(
        [webhookTrigger, post("slow", "Slow call", `${sink.url}/slow`, { id: "{{ trigger.id }}" })],
        [edge("hook", "slow")],
      ),
    );
    const { hookId } = JSON.parse((await runCli(["flows", "import", file, "--publish"], database.url)).stdout) as {
      hookId: string;
    };
    const worker = startWorkerProcess(database.url, "graceful");
    await workerReady(worker);

    const { body } = await ingest.post(hookId, { id: "slow-1" });
    // Claimed and calling the provider (which answers after 1.5 s) when the worker is told to stop.
    const status = async () =>
      (await database.pool.query<{ status: string }>("select status from flow_runs where id = $1", [body.runId]))
        .rows[0]?.status;
    await waitFor(async () => (await status()) === "running", 10_000, worker.output);
    await new Promise((resolve) => setTimeout(resolve, 300));
    worker.child.kill("SIGTERM");

    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("stopping (SIGTERM)");
    expect(await status()).toBe("succeeded");
    expect(sink.effectsAt("/slow")).toHaveLength(1);
  }, 60_000);
});
