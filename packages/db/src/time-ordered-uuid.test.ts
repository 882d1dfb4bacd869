import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

describe("run and event ids are time-ordered UUIDs (v7)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("carries the creation millisecond, version 7 and the RFC variant, and stays unique", async () => {
    const before = Date.now();
    const { rows } = await database.pool.query<{ id: string }>(
      "select time_ordered_uuid()::text as id from generate_series(1, 2000)",
    );
    const after = Date.now();
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
      // The database clock, against ours: allow a little drift.
      expect(millis).toBeGreaterThanOrEqual(before - 1_000);
      expect(millis).toBeLessThanOrEqual(after + 1_000);
    }
  });

  it("gives later rows of flow_runs and trigger_events greater ids", async () => {
    const pool = database.pool;
    const workspaceId = (await pool.query<{ id: string }>("insert into workspaces (name) values ('W') returning id"))
      .rows[0]?.id;
    const flowId = (
      await pool.query<{ id: string }>(
        `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, 'F', 'hook-1', '{"schemaVersion":2,"nodes":[],"edges":[]}') returning id`,
        [workspaceId],
      )
    ).rows[0]?.id;
    const insertRun = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond
      const { rows } = await pool.query<{ event_id: string; run_id: string }>(
        `with event as (
           insert into trigger_events (workspace_id, flow_id, status) values ($1, $2, 'accepted') returning id
         )
         insert into flow_runs (workspace_id, flow_id, trigger_event_id)
         select $1, $2, id from event returning trigger_event_id as event_id, id as run_id`,
        [workspaceId, flowId],
      );
      return rows[0] as { event_id: string; run_id: string };
    };
    const first = await insertRun();
    const second = await insertRun();
    expect(second.run_id > first.run_id).toBe(true);
    expect(second.event_id > first.event_id).toBe(true);
    expect(first.run_id[14]).toBe("7");
  });
});
