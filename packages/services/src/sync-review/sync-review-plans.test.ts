import { type SQL, sql } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { canceledStillOpenQuery } from "./canceled-still-open";
import { failedSyncsQuery } from "./failed-syncs";
import { lastDaysPeriod } from "./review-period";

const RUNS = 60_000;

/** A year of history, one run every ~9 minutes: the review reads a week of it, never all of it. */
describe("weekly review queries on a large history", () => {
  let database: TestDatabase;
  let workspaceId: string;
  const period = lastDaysPeriod(7, new Date("2026-12-31T00:00:00Z"));

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Busy salon" })).id;
    const flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    await database.pool.query(
      `with events as (
         insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, received_at)
         select $1, $2, 'evt-' || i, 'accepted',
                jsonb_build_object('lifecycle', case when i % 10 = 0 then 'canceled' else 'booked' end,
                                   'booking', jsonb_build_object('uid', 'bk-' || (i / 10))),
                timestamptz '2026-01-01' + (i * 525 || ' seconds')::interval
           from generate_series(1, ${RUNS}) i
         returning id, idempotency_key, received_at
       )
       insert into flow_runs (workspace_id, flow_id, trigger_event_id, status, business_keys, created_at)
       select $1, $2, e.id,
              (array['succeeded','succeeded','succeeded','failed'])[1 + (substr(e.idempotency_key, 5)::int % 4)]::run_status,
              array['bk-' || (substr(e.idempotency_key, 5)::int / 10), 'c' || (substr(e.idempotency_key, 5)::int % 5000) || '@x.test'],
              e.received_at
         from events e`,
      [workspaceId, flowId],
    );
    await database.pool.query(
      `insert into step_runs (run_id, step_key, node_id, status, output)
       select id, 'invoice', 'invoice', 'succeeded', jsonb_build_object('invoiceId', 'in_' || id) from flow_runs`,
    );
    await database.pool.query("analyze flow_runs; analyze trigger_events; analyze step_runs");
  }, 120_000);
  afterAll(() => database.destroy());

  async function plan(query: SQL): Promise<string> {
    const result = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`);
    return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it("reads the period's failures through (workspace, status, created_at)", async () => {
    const explained = await plan(failedSyncsQuery({ workspaceId, period }));
    expect(explained).toContain("flow_runs_workspace_status_created_idx");
    expect(explained).not.toMatch(/Seq Scan on flow_runs/);
  });

  it("finds the period's cancellations by date and each booking's runs by business key", async () => {
    const explained = await plan(canceledStillOpenQuery({ workspaceId, period }));
    expect(explained).toContain("flow_runs_workspace_created_idx");
    expect(explained).toContain("flow_runs_business_keys_idx");
    expect(explained).not.toMatch(/Seq Scan on (flow_runs|trigger_events|step_runs)/);
  });
});
