import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { setFlowStatus } from "../flows/set-flow-status";
import { createWorkspace } from "../workspaces/create-workspace";
import { fireDueSchedules } from "./fire-due-schedules";

describe("fireDueSchedules", () => {
  let database: TestDatabase;
  let flowId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspace = await createWorkspace({ db: database.db, name: "Salon" });
    const flow = await createFlow({
      db: database.db,
      workspaceId: workspace.id,
      name: "Morning digest",
      actorUserId: null,
      graph: {
        schemaVersion: 2,
        nodes: [
          {
            id: "every_morning",
            type: "trigger",
            connector: "core",
            operation: "schedule",
            label: "Every morning",
            position: { x: 0, y: 0 },
            props: { cron: "0 9 * * *", timeZone: "Europe/Paris" },
          },
        ],
        edges: [],
      },
    });
    flowId = flow.id;
    await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null });
    // Published "yesterday", so the catch-up window is not cut short by the publish time.
    await database.pool.query("update flows set updated_at = '2026-06-30T00:00:00Z' where id = $1", [flowId]);
    await database.pool.query("update flow_versions set created_at = '2026-06-30T00:00:00Z' where flow_id = $1", [
      flowId,
    ]);
  });
  afterAll(() => database.destroy());

  const runs = async () =>
    (
      await database.pool.query<{ source_event_at: Date; trigger_summary: string }>(
        "select source_event_at, trigger_summary from flow_runs where flow_id = $1 order by source_event_at",
        [flowId],
      )
    ).rows;

  it("fires at 09:00 in the flow's time zone, not in UTC", async () => {
    expect(await fireDueSchedules({ db: database.db, now: new Date("2026-07-01T06:59:30Z") })).toEqual({ fired: 0 });
    // 07:00 UTC is 09:00 in Paris in summer.
    expect(await fireDueSchedules({ db: database.db, now: new Date("2026-07-01T07:00:20Z") })).toEqual({ fired: 1 });
    expect(await runs()).toEqual([
      {
        source_event_at: new Date("2026-07-01T07:00:00Z"),
        trigger_summary: "Schedule: 1 Jul 2026, 09:00 Europe/Paris",
      },
    ]);
  });

  it("fires each tick once however many workers look at it", async () => {
    const now = new Date("2026-07-02T07:00:05Z");
    const results = await Promise.all([1, 2, 3, 4].map(() => fireDueSchedules({ db: database.db, now })));
    expect(results.reduce((sum, result) => sum + result.fired, 0)).toBe(1);
    // A later tick whose window still covers 07:00 does not fire it again.
    expect(await fireDueSchedules({ db: database.db, now: new Date("2026-07-02T07:01:00Z") })).toEqual({ fired: 0 });
    expect(await runs()).toHaveLength(2);
  });

  it("stops while the flow is paused, and does not backfill the pause on resume", async () => {
    await setFlowStatus({ db: database.db, flowId, status: "paused", actorUserId: null });
    expect(await fireDueSchedules({ db: database.db, now: new Date("2026-07-03T07:00:05Z") })).toEqual({ fired: 0 });
    await setFlowStatus({ db: database.db, flowId, status: "active", actorUserId: null });
    expect(await fireDueSchedules({ db: database.db, now: new Date("2026-07-03T07:01:00Z") })).toEqual({ fired: 0 });
    expect(await runs()).toHaveLength(2);
  });
});
