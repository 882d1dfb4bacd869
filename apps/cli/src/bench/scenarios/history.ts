import { type Database, sql } from "@handoff/db";
import { createWorkspace, importFlow, listRuns, starterGraph } from "@handoff/services";
import { percentiles } from "../stats";

const WORKSPACE_NAME = "Benchmark history";
const CUSTOMERS = 50_000;

/**
 * Scenario 5: the run history at scale. Seeds `runs` runs (once per data folder; kept for later
 * benchmarks) in a workspace of their own, then times the three queries the runs page makes.
 */
export async function historyScenario({
  db,
  runs,
  iterations,
  log,
}: {
  db: Database;
  runs: number;
  iterations: number;
  log: (m: string) => void;
}) {
  const { workspaceId, flowIds } = await seedHistory(db, runs, log);
  const time = async (query: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await query();
      samples.push(performance.now() - start);
    }
    return percentiles(samples);
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const list = await time(() => listRuns({ db, workspaceId }));
  const filtered = await time(() => listRuns({ db, workspaceId, flowId: pick(flowIds), status: "needs_attention" }));
  const search = await time(() =>
    listRuns({ db, workspaceId, businessKey: `customer${Math.floor(Math.random() * CUSTOMERS)}@example.test` }),
  );
  return {
    history_runs: runs,
    history_list_p50_ms: list.p50,
    history_list_p95_ms: list.p95,
    history_filter_p50_ms: filtered.p50,
    history_filter_p95_ms: filtered.p95,
    history_key_search_p50_ms: search.p50,
    history_key_search_p95_ms: search.p95,
  };
}

async function seedHistory(db: Database, runs: number, log: (m: string) => void) {
  const existing = await db.execute<{ id: string; n: number }>(sql`
    select w.id, (select count(*)::int from flow_runs r where r.workspace_id = w.id) as n
      from workspaces w where w.name = ${WORKSPACE_NAME}`);
  const found = existing.rows[0];
  const workspaceId = found?.id ?? (await createWorkspace({ db, name: WORKSPACE_NAME })).id;
  let flows = await db.execute<{ id: string }>(
    sql`select id from flows where workspace_id = ${workspaceId} order by name`,
  );
  if (flows.rows.length === 0) {
    for (const name of ["Booking to invoice", "Invoice paid", "New contact"]) {
      await importFlow({
        db,
        workspaceId,
        input: { name, graph: starterGraph() },
        fallbackName: name,
        actorUserId: null,
      });
    }
    flows = await db.execute<{ id: string }>(
      sql`select id from flows where workspace_id = ${workspaceId} order by name`,
    );
  }
  const flowIds = flows.rows.map((row) => row.id);
  const missing = runs - (found?.n ?? 0);
  if (missing > 0) {
    log(`history: seeding ${missing} runs (once per data folder)`);
    // In batches, so a million rows never sit in one transaction's memory.
    for (let done = 0; done < missing; done += 200_000) {
      const batch = Math.min(200_000, missing - done);
      await db.execute(sql`
        insert into flow_runs (workspace_id, flow_id, status, trigger_summary, business_keys, created_at, source_event_at,
                               started_at, finished_at)
        select ${workspaceId}, (${`{${flowIds.join(",")}}`}::uuid[])[1 + i % ${flowIds.length}],
               (array['succeeded','succeeded','succeeded','succeeded','needs_attention','failed'])[1 + (i / 3) % 6]::run_status,
               'Booking: customer ' || (i % ${CUSTOMERS}),
               array['customer' || (i % ${CUSTOMERS}) || '@example.test', 'inv-' || (${done} + i)],
               now() - ((${done} + i) || ' seconds')::interval, now() - ((${done} + i) || ' seconds')::interval,
               now() - ((${done} + i) || ' seconds')::interval, now() - ((${done} + i) || ' seconds')::interval + interval '2 seconds'
          from generate_series(1, ${batch}) as i`);
    }
    await db.execute(sql`analyze flow_runs`);
  }
  return { workspaceId, flowIds };
}
