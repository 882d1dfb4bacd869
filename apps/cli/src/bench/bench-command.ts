import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, sql } from "@handoff/db";
import { freePort } from "@handoff/db/testing/admin";
import { readCliEnv } from "../env";
import { repoRoot } from "../paths";
import { installBenchFlow } from "./bench-flow";
import { removeBenchFlows } from "./remove-bench-flows";
import { historyScenario } from "./scenarios/history";
import { ingestScenario } from "./scenarios/ingest";
import { latencyScenario } from "./scenarios/latency";
import { throughputScenario } from "./scenarios/throughput";
import { startBenchSink } from "./sink";
import { startBenchStack } from "./stack";
import { renderTable, TARGETS } from "./targets";

const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/**
 * `npm run bench`: the whole product on its own data folder (`.bench/data`, or DATABASE_URL),
 * under load from autocannon. Prints a table against the targets and writes `.bench/latest.json`.
 * Exits non-zero when an event was lost or ran twice.
 */
export const SCENARIOS = ["throughput", "latency", "ingest", "history", "start"] as const;
type Scenario = (typeof SCENARIOS)[number];

export async function benchCommand(options: { quick?: boolean; profile?: string; only?: string }): Promise<void> {
  const quick = options.quick === true;
  const selected = selectScenarios(options.only);
  const runs = (scenario: Scenario) => selected.has(scenario);
  const benchDir = path.join(repoRoot, ".bench");
  await mkdir(benchDir, { recursive: true });
  const ports = { web: await freePort(), pg: await freePort(), sandbox: await freePort(), smtp: await freePort() };
  const dataDir = path.join(benchDir, "data");
  const env = readCliEnv();
  const sink = await startBenchSink();
  const profileDir = options.profile ? path.resolve(options.profile) : undefined;
  let stack = await startBenchStack({ dataDir, ports, databaseUrl: env.DATABASE_URL, profileDir, log: say });
  const database = createDb({ connectionString: stack.databaseUrl, max: 4, applicationName: "handoff-bench" });
  const results: Record<string, number> = {};
  try {
    const workspaceId = await ensureWorkspace(database.db);
    const leftovers = await removeBenchFlows(database.pool, workspaceId);
    if (leftovers > 0) say(`removed ${leftovers} runs earlier benchmark runs left behind`);
    const seconds = quick ? 8 : 30;
    const flow = await installBenchFlow(database.db, workspaceId, sink.url, `Benchmark ${new Date().toISOString()}`);
    const hookUrl = `${stack.webUrl}/api/hooks/${flow.hookId}`;
    if (runs("latency")) {
      say("latency: 100 webhooks per second (after a warm-up at that rate)");
      Object.assign(
        results,
        await latencyScenario({
          stack,
          sink,
          hookUrl,
          seconds,
          rate: 100,
          workers: 2,
          concurrency: 20,
          pool: database.pool,
        }),
      );
    }
    if (runs("throughput")) {
      say(`throughput: ${seconds} s of webhooks as fast as they are accepted`);
      Object.assign(
        results,
        await throughputScenario({
          stack,
          sink,
          hookUrl,
          seconds,
          workers: 2,
          concurrency: 20,
          log: say,
          pool: database.pool,
        }),
      );
    }
    if (runs("ingest")) {
      say("ingest: webhooks with no worker running");
      const ingestFlow = await installBenchFlow(database.db, workspaceId, sink.url, `Benchmark ingest ${Date.now()}`);
      Object.assign(
        results,
        await ingestScenario({
          db: database.db,
          hookUrl: `${stack.webUrl}/api/hooks/${ingestFlow.hookId}`,
          flowId: ingestFlow.id,
          seconds: quick ? 5 : 20,
        }),
      );
      // The ingest backlog must not run later: cancelled runs are no-ops for the worker.
      await database.pool.query("update flows set status = 'paused' where id = $1", [ingestFlow.id]);
      await database.pool.query("update flow_runs set status = 'canceled' where flow_id = $1 and status = 'queued'", [
        ingestFlow.id,
      ]);
    }
    if (runs("history")) {
      say("history: list, filter and business-key search");
      Object.assign(
        results,
        await historyScenario({
          db: database.db,
          runs: quick ? 100_000 : 1_000_000,
          iterations: quick ? 50 : 200,
          log: say,
        }),
      );
    }
    say("removing this run's benchmark flows and their runs");
    await removeBenchFlows(database.pool, workspaceId);
    await database.close();
    await stack.stop();
    if (runs("start")) {
      say("start: npm start on existing data");
      stack = await startBenchStack({ dataDir, ports, databaseUrl: env.DATABASE_URL, log: say });
      results.start_seconds = Math.round(stack.startSeconds * 10) / 10;
    }
  } finally {
    await database.close().catch(() => undefined);
    await stack.stop();
    await sink.close();
  }

  const report = {
    mode: quick ? "quick" : "full",
    scenarios: [...selected],
    at: new Date().toISOString(),
    machine: machine(),
    results,
    targets: TARGETS,
  };
  await writeFile(path.join(benchDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${renderTable(results)}\n\nwritten to .bench/latest.json\n`);
  if ((results.lost ?? 0) > 0 || (results.duplicates ?? 0) > 0 || (results.ingest_missing_in_db ?? 0) > 0) {
    process.stderr.write("bench: events were lost or ran twice\n");
    process.exitCode = 1;
  }
}

function selectScenarios(only: string | undefined): ReadonlySet<Scenario> {
  if (!only) return new Set(SCENARIOS);
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`Unknown scenario ${unknown.join(", ")}: choose from ${SCENARIOS.join(", ")}`);
  return new Set(names as Scenario[]);
}

async function ensureWorkspace(db: ReturnType<typeof createDb>["db"]): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from workspaces where name <> 'Benchmark history' order by created_at limit 1`,
  );
  if (!rows[0]) throw new Error("The benchmark stack has no workspace (the demo workspace should have been seeded)");
  return rows[0].id;
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}
