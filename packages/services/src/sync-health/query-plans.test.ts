import { sql } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { failureCountsQuery } from "./failure-spikes";
import { healthWindow } from "./health-window";
import { lagByFlowQuery } from "./lag-by-flow";
import { runsPerDayQuery } from "./runs-per-day";
import { successRateQuery } from "./success-rate";
import { topFailingFlowsQuery } from "./top-failing-flows";

const RUNS = 120_000;
const NOW = new Date("2026-03-10T12:00:00Z");

/**
 * Each dashboard question reads an index range of flow_runs, never the whole table: half a year of
 * a busy workspace's runs (3% needing attention, 2% editor tests) beside another workspace's.
 */
describe("sync health queries", () => {
  let database: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Busy salon", timeZone: "Europe/Paris" })).id;
    const other = (await createWorkspace({ db: database.db, name: "Other salon" })).id;
    const { rows: flows } = await database.pool.query<{ id: string }>(
      `insert into flows (workspace_id, name, hook_id, draft_graph)
       select $1, 'Flow ' || i, gen_random_uuid()::text, '{}' from generate_series(1, 10) i returning id`,
      [workspaceId],
    );
    const { rows: otherFlows } = await database.pool.query<{ id: string }>(
      `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, 'Other', 'other-hook', '{}') returning id`,
      [other],
    );
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, is_test, created_at, source_event_at, finished_at)
       select $1, ($2::uuid[])[1 + i % 10],
              (case when i % 100 < 95 then 'succeeded' when i % 100 < 98 then 'needs_attention'
                    when i % 100 < 99 then 'failed' else 'canceled' end)::run_status,
              i % 50 = 0, t - interval '2 seconds', t - interval '3 seconds', t + (i % 300) * interval '1 second'
         from generate_series(1, ${RUNS}) i, lateral (select $3::timestamptz - i * interval '180 days' / ${RUNS} as t) seeded`,
      [workspaceId, flows.map((flow) => flow.id), NOW.toISOString()],
    );
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, created_at)
       select $1, $2, 'succeeded', $3::timestamptz - i * interval '1 minute' from generate_series(1, ${RUNS / 2}) i`,
      [other, otherFlows[0]?.id, NOW.toISOString()],
    );
    await database.pool.query("vacuum analyze flow_runs");
  }, 120_000);
  afterAll(() => database.destroy());

  async function plan(query: ReturnType<typeof sql>): Promise<string> {
    const result = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  const window = healthWindow(NOW);
  const week = () => ({ workspaceId, since: window.weekStart, until: NOW });

  it.each([
    ["runs per day", () => runsPerDayQuery({ workspaceId, timeZone: "Europe/Paris", now: NOW })],
    ["the success rate", () => successRateQuery(week())],
    ["lag per flow", () => lagByFlowQuery(week())],
    ["the top failing flows", () => topFailingFlowsQuery(week())],
    [
      "failure spikes",
      () =>
        failureCountsQuery({
          workspaceId,
          baselineStart: window.baselineStart,
          weekStart: window.weekStart,
          until: NOW,
        }),
    ],
  ])("answers %s from an index range, without scanning the runs", async (_name, query) => {
    const explained = await plan(query());
    expect(explained).toMatch(/Index (Only )?Scan (using|on) flow_runs_(workspace|flow)_/);
    expect(explained).not.toMatch(/Seq Scan on flow_runs/);
  });
});
