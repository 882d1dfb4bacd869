import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAttention } from "../attention/list-attention";
import { createWorkspace } from "../workspaces/create-workspace";
import { getSyncHealth } from "./get-sync-health";

/** Tuesday noon UTC: 13:00 in Paris (UTC+1 until the end of March). */
const NOW = new Date("2026-03-10T12:00:00Z");

interface SeedRun {
  flowId: string;
  status: string;
  createdAt: string;
  /** Seconds from the source event to the end of the run; the source time is `createdAt`. */
  lagSeconds?: number;
  /** The source gave no time: the lag counts from `createdAt`, when Handoff received the event. */
  noSourceTime?: boolean;
  isTest?: boolean;
}

function graphWithTrigger(connector: string, operation: string) {
  return {
    schemaVersion: 2,
    nodes: [{ id: "t", type: "trigger", connector, operation, props: {}, label: "Trigger", position: { x: 0, y: 0 } }],
    edges: [],
  };
}

describe("sync health of a workspace", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  async function insertFlow(workspaceId: string, name: string, trigger: [string, string] | null) {
    const graph = JSON.stringify(graphWithTrigger(...(trigger ?? ["core", "webhook"])));
    const { rows } = await database.pool.query<{ id: string }>(
      `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, $2, gen_random_uuid()::text, $3) returning id`,
      [workspaceId, name, graph],
    );
    const flowId = rows[0]?.id;
    if (!flowId) throw new Error("no flow");
    if (trigger) {
      await database.pool.query(
        `with version as (insert into flow_versions (flow_id, number, graph) values ($1, 1, $2) returning id)
         update flows set current_version_id = (select id from version), status = 'active' where id = $1`,
        [flowId, graph],
      );
    }
    return flowId;
  }

  async function insertRuns(workspaceId: string, runs: readonly SeedRun[]) {
    for (const run of runs) {
      const finishedAt =
        run.lagSeconds === undefined ? null : new Date(Date.parse(run.createdAt) + run.lagSeconds * 1000).toISOString();
      await database.pool.query(
        `insert into flow_runs (workspace_id, flow_id, status, is_test, created_at, source_event_at, finished_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          workspaceId,
          run.flowId,
          run.status,
          run.isTest ?? false,
          run.createdAt,
          run.noSourceTime ? null : run.createdAt,
          finishedAt,
        ],
      );
    }
  }

  const times = (count: number, run: Omit<SeedRun, "lagSeconds">, lags?: readonly number[]): SeedRun[] =>
    Array.from({ length: count }, (_, i) => ({ ...run, lagSeconds: lags?.[i] }));

  describe("a busy workspace in Paris", () => {
    let workspaceId: string;
    let booking: string;
    let invoice: string;
    let nightly: string;
    let draft: string;

    beforeAll(async () => {
      workspaceId = (await createWorkspace({ db: database.db, name: "Salon Lumière", timeZone: "Europe/Paris" })).id;
      booking = await insertFlow(workspaceId, "Booking → CRM", ["calcom", "booking-created"]);
      invoice = await insertFlow(workspaceId, "Invoice paid → CRM", ["stripe", "invoice-paid"]);
      nightly = await insertFlow(workspaceId, "Nightly export", ["core", "schedule"]);
      draft = await insertFlow(workspaceId, "Never published", null);
      const deleted = await insertFlow(workspaceId, "Deleted flow", ["calcom", "booking-created"]);
      await database.pool.query("update flows set deleted_at = now() where id = $1", [deleted]);

      await insertRuns(workspaceId, [
        // Booking → CRM: lags 10…50 s, under its minute; 3 failures this week and none before.
        ...times(5, { flowId: booking, status: "succeeded", createdAt: "2026-03-08T09:00:00Z" }, [10, 20, 30, 40, 50]),
        { flowId: booking, status: "needs_attention", createdAt: "2026-03-09T22:30:00Z" }, // 23:30 on the 9th in Paris
        { flowId: booking, status: "needs_attention", createdAt: "2026-03-09T23:30:00Z" }, // 00:30 on the 10th in Paris
        { flowId: booking, status: "failed", createdAt: "2026-03-10T08:00:00Z" },
        // Older than the 4-week baseline: would hide the spike if it counted.
        { flowId: booking, status: "needs_attention", createdAt: "2026-01-20T10:00:00Z" },
        // An editor test run, an hour slow: would break the target if it counted.
        { flowId: booking, status: "succeeded", createdAt: "2026-03-08T09:00:00Z", lagSeconds: 3600, isTest: true },

        // Invoice paid → CRM: lags 1, 2, 3, 4 min and 10 min (the last without a source time).
        ...times(4, { flowId: invoice, status: "succeeded", createdAt: "2026-03-07T10:00:00Z" }, [60, 120, 180, 240]),
        {
          flowId: invoice,
          status: "succeeded",
          createdAt: "2026-03-07T10:00:00Z",
          lagSeconds: 600,
          noSourceTime: true,
        },
        // 3 of 8 failed this week (37.5%), but 2 of 4 did before (50%): no spike.
        { flowId: invoice, status: "needs_attention", createdAt: "2026-03-06T10:00:00Z" },
        ...times(2, { flowId: invoice, status: "failed", createdAt: "2026-03-06T10:00:00Z" }),
        ...times(2, { flowId: invoice, status: "succeeded", createdAt: "2026-02-20T10:00:00Z" }, [5, 5]),
        ...times(2, { flowId: invoice, status: "needs_attention", createdAt: "2026-02-20T10:00:00Z" }),

        // Nightly export: two hours late, but a schedule promises no speed; 2 failures only.
        { flowId: nightly, status: "succeeded", createdAt: "2026-03-09T02:00:00Z", lagSeconds: 7200 },
        ...times(2, { flowId: nightly, status: "failed", createdAt: "2026-03-05T10:00:00Z" }),
        ...times(5, { flowId: nightly, status: "failed", createdAt: "2026-03-05T10:00:00Z", isTest: true }),
        { flowId: nightly, status: "canceled", createdAt: "2026-03-10T09:00:00Z" },
        { flowId: nightly, status: "waiting", createdAt: "2026-03-10T10:00:00Z" },
        // Midnight starting 25 February in Paris: the first day shown; a second earlier is not.
        { flowId: nightly, status: "queued", createdAt: "2026-02-24T23:00:00Z" },
        { flowId: nightly, status: "succeeded", createdAt: "2026-02-24T22:59:59Z", lagSeconds: 1 },

        { flowId: draft, status: "succeeded", createdAt: "2026-03-04T10:00:00Z", lagSeconds: 1800 },
        ...times(3, { flowId: deleted, status: "needs_attention", createdAt: "2026-03-04T10:00:00Z" }),
      ]);

      // Another workspace's failures are not this one's.
      const other = (await createWorkspace({ db: database.db, name: "Other salon", timeZone: "Europe/Paris" })).id;
      const otherFlow = await insertFlow(other, "Booking → CRM", ["calcom", "booking-created"]);
      await insertRuns(
        other,
        times(4, { flowId: otherFlow, status: "needs_attention", createdAt: "2026-03-10T09:00:00Z" }),
      );
    });

    it("counts live runs per Paris day, by outcome, for 14 days", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.timeZone).toBe("Europe/Paris");
      expect(health.today).toBe("2026-03-10");
      expect(health.perDay).toHaveLength(14);
      expect(health.perDay[0]?.day).toBe("2026-02-25");
      const nonEmpty = health.perDay.filter((day) => day.total > 0);
      expect(nonEmpty).toEqual([
        { day: "2026-02-25", succeeded: 0, failed: 0, canceled: 0, inProgress: 1, total: 1 },
        { day: "2026-03-04", succeeded: 1, failed: 3, canceled: 0, inProgress: 0, total: 4 },
        { day: "2026-03-05", succeeded: 0, failed: 2, canceled: 0, inProgress: 0, total: 2 },
        { day: "2026-03-06", succeeded: 0, failed: 3, canceled: 0, inProgress: 0, total: 3 },
        { day: "2026-03-07", succeeded: 5, failed: 0, canceled: 0, inProgress: 0, total: 5 },
        { day: "2026-03-08", succeeded: 5, failed: 0, canceled: 0, inProgress: 0, total: 5 },
        { day: "2026-03-09", succeeded: 1, failed: 1, canceled: 0, inProgress: 0, total: 2 },
        { day: "2026-03-10", succeeded: 0, failed: 2, canceled: 1, inProgress: 1, total: 4 },
      ]);
      expect(health.runsToday).toBe(4);
    });

    it("rates the last 7 days: succeeded out of the runs that ended", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.successRate).toEqual({ succeeded: 12, finished: 23, rate: 12 / 23 });
    });

    it("takes lag p50/p95 per flow against the target of its trigger, worst first", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.lagByFlow).toEqual([
        {
          flowId: nightly,
          flowName: "Nightly export",
          runs: 1,
          p50Ms: 7_200_000,
          p95Ms: 7_200_000,
          targetMs: null,
          overTarget: false,
        },
        {
          flowId: draft,
          flowName: "Never published",
          runs: 1,
          p50Ms: 1_800_000,
          p95Ms: 1_800_000,
          targetMs: null,
          overTarget: false,
        },
        // 240 s + 0.8 × (600 s − 240 s): percentile_cont interpolates between the two worst.
        {
          flowId: invoice,
          flowName: "Invoice paid → CRM",
          runs: 5,
          p50Ms: 180_000,
          p95Ms: 528_000,
          targetMs: 300_000,
          overTarget: true,
        },
        {
          flowId: booking,
          flowName: "Booking → CRM",
          runs: 5,
          p50Ms: 30_000,
          p95Ms: 48_000,
          targetMs: 60_000,
          overTarget: false,
        },
      ]);
    });

    it("lists the flows that failed most this week, without deleted flows", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.topFailingFlows).toEqual([
        { flowId: booking, flowName: "Booking → CRM", failures: 3 },
        { flowId: invoice, flowName: "Invoice paid → CRM", failures: 3 },
        { flowId: nightly, flowName: "Nightly export", failures: 2 },
      ]);
    });

    it("flags the flow over its lag target and the flow whose failures spiked, and no other", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.flags).toEqual([
        {
          kind: "lag_over_target",
          flowId: invoice,
          flowName: "Invoice paid → CRM",
          message: "Invoice paid → CRM: p95 lag 8.8 min, target 5 min",
        },
        {
          kind: "failure_spike",
          flowId: booking,
          flowName: "Booking → CRM",
          message: "Booking → CRM: 3 failed runs in the last 7 days (37.5% of runs), none in the 4 weeks before",
        },
      ]);
    });

    it("shows the same needs-attention count as the navigation", async () => {
      const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
      expect(health.needsAttention).toBe(await countAttention({ db: database.db, workspaceId }));
      expect(health.needsAttention).toBeGreaterThan(0);
    });
  });

  it("cuts days on the local clock across a daylight-saving change (New York, 8 March 2026)", async () => {
    const workspaceId = (await createWorkspace({ db: database.db, name: "NY", timeZone: "America/New_York" })).id;
    const flowId = await insertFlow(workspaceId, "Bookings", ["calcom", "booking-created"]);
    await insertRuns(workspaceId, [
      { flowId, status: "succeeded", createdAt: "2026-03-08T04:30:00Z" }, // 23:30 EST on the 7th
      { flowId, status: "succeeded", createdAt: "2026-03-08T05:30:00Z" }, // 00:30 EST on the 8th
      { flowId, status: "succeeded", createdAt: "2026-03-09T03:30:00Z" }, // 23:30 EDT on the 8th (a 23-hour day)
      { flowId, status: "succeeded", createdAt: "2026-03-09T04:30:00Z" }, // 00:30 EDT on the 9th
    ]);
    const health = await getSyncHealth({ db: database.db, workspaceId, now: new Date("2026-03-09T15:00:00Z") });
    expect(health.perDay.slice(-3).map((day) => [day.day, day.total])).toEqual([
      ["2026-03-07", 1],
      ["2026-03-08", 2],
      ["2026-03-09", 1],
    ]);
    expect(health.runsToday).toBe(1);
  });

  it("answers an empty workspace with zeros, no rate and nothing flagged", async () => {
    const workspaceId = (await createWorkspace({ db: database.db, name: "New", timeZone: "Asia/Tokyo" })).id;
    const health = await getSyncHealth({ db: database.db, workspaceId, now: NOW });
    expect(health.today).toBe("2026-03-10");
    expect(health.perDay).toHaveLength(14);
    expect(health.perDay.every((day) => day.total === 0)).toBe(true);
    expect(health).toMatchObject({
      runsToday: 0,
      successRate: { succeeded: 0, finished: 0, rate: null },
      needsAttention: 0,
      lagByFlow: [],
      topFailingFlows: [],
      flags: [],
    });
  });

  it("refuses a workspace that does not exist", async () => {
    await expect(
      getSyncHealth({ db: database.db, workspaceId: "00000000-0000-4000-8000-000000000000", now: NOW }),
    ).rejects.toThrow("This workspace no longer exists");
  });
});
