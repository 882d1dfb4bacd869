import { sql } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { listRuns, listRunsQuery } from "./list-runs";

const RUNS = 60_000;

describe("run history queries", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Busy salon" })).id;
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    const other = (await createFlow({ db: database.db, workspaceId, name: "Payments", actorUserId: null })).id;
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, business_keys, created_at)
       select $1, case when i % 2 = 0 then $2::uuid else $3::uuid end,
              (array['succeeded','succeeded','succeeded','needs_attention'])[1 + (i / 2) % 4]::run_status,
              array['customer' || (i % 5000) || '@example.test', 'inv-' || i],
              timestamptz '2026-01-01' + (i || ' seconds')::interval
         from generate_series(1, ${RUNS}) i`,
      [workspaceId, flowId, other],
    );
    await database.pool.query("analyze flow_runs");
  }, 60_000);
  afterAll(() => database.destroy());

  async function plan(options: Parameters<typeof listRunsQuery>[0]): Promise<string> {
    const result = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain ${listRunsQuery(options)}`);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it.each([
    ["the newest runs", {}, "flow_runs_workspace_created_idx"],
    ["one flow's runs", { flowId: "FLOW" }, "flow_runs_flow_created_idx"],
    ["runs needing attention", { status: "needs_attention" }, "flow_runs_workspace_status_created_idx"],
    ["one flow's runs needing attention", { flowId: "FLOW", status: "needs_attention" }, "Index Scan using flow_runs_"],
    ["a customer's runs", { businessKey: "customer42@example.test" }, "flow_runs_business_keys_idx"],
  ])("answers %s from an index, without scanning the runs", async (_name, filter, index) => {
    const options = { workspaceId, ...filter, ...("flowId" in filter ? { flowId } : {}) };
    const explained = await plan(options);
    expect(explained).toContain(index);
    expect(explained).not.toMatch(/Seq Scan on flow_runs/);
  });

  it("pages with a keyset cursor: no run twice, none skipped", async () => {
    const first = await listRuns({ db: database.db, workspaceId, limit: 100 });
    const last = first.at(-1);
    if (!last) throw new Error("no runs");
    const second = await listRuns({
      db: database.db,
      workspaceId,
      limit: 100,
      before: { createdAt: last.createdAt, id: last.id },
    });
    expect(first).toHaveLength(100);
    expect(second).toHaveLength(100);
    expect(new Set([...first, ...second].map((run) => run.id)).size).toBe(200);
    expect(Date.parse(second[0]?.createdAt ?? "")).toBe(Date.parse(last.createdAt) - 1000);
  });

  it("does not skip runs created within the same millisecond across a page boundary", async () => {
    const tight = (await createWorkspace({ db: database.db, name: "Same instant" })).id;
    const tightFlow = (await createFlow({ db: database.db, workspaceId: tight, name: "Burst", actorUserId: null })).id;
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, created_at)
       select $1, $2, 'succeeded', t from unnest($3::timestamptz[]) t`,
      [tight, tightFlow, ["2026-03-01T09:00:00.123100Z", "2026-03-01T09:00:00.123456Z", "2026-03-01T09:00:00.124Z"]],
    );
    const first = await listRuns({ db: database.db, workspaceId: tight, limit: 2 });
    const last = first.at(-1);
    if (!last) throw new Error("empty page");
    expect(last.createdAt).toBe("2026-03-01T09:00:00.123456Z");
    const second = await listRuns({ db: database.db, workspaceId: tight, limit: 2, before: last });
    expect(second.map((run) => run.createdAt)).toEqual(["2026-03-01T09:00:00.123100Z"]);
  });

  it("finds a customer's runs by their email", async () => {
    const runs = await listRuns({ db: database.db, workspaceId, businessKey: "customer42@example.test", limit: 500 });
    expect(runs).toHaveLength(RUNS / 5000);
  });
});
