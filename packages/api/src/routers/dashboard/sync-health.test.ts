import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("dashboard.syncHealth", () => {
  let database: TestDatabase;
  let bookkeeper: SessionMember;

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental", timeZone: "Europe/Paris" })).id;
    const user = await createUser({
      db: database.db,
      workspaceId,
      email: "books@roe.test",
      password: "password-1",
      role: "viewer",
    });
    const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
    if (!member) throw new Error("no session");
    bookkeeper = member;
    const { rows } = await database.pool.query<{ id: string }>(
      `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, 'Bookings', 'hook-1', '{}') returning id`,
      [workspaceId],
    );
    // Two runs finished a few seconds ago, one with a source time 30 s before.
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, created_at, source_event_at, finished_at)
       values ($1, $2, 'succeeded', now() - interval '20 seconds', now() - interval '30 seconds', now() - interval '10 seconds'),
              ($1, $2, 'needs_attention', now() - interval '20 seconds', null, now() - interval '10 seconds')`,
      [workspaceId, rows[0]?.id],
    );
  });
  afterAll(() => database.destroy());

  it("answers a bookkeeper with the workspace's numbers, in the declared shape", async () => {
    const health = await createCaller(testApiContext(database.db, bookkeeper)).dashboard.syncHealth();
    expect(health.timeZone).toBe("Europe/Paris");
    expect(health.perDay).toHaveLength(14);
    // Today's or, a few seconds after midnight in Paris, yesterday's: both are in the 14 days.
    expect(health.perDay.reduce((sum, day) => sum + day.total, 0)).toBe(2);
    expect(health.successRate).toEqual({ succeeded: 1, finished: 2, rate: 0.5 });
    expect(health.needsAttention).toBe(1);
    expect(health.lagByFlow).toEqual([
      expect.objectContaining({ flowName: "Bookings", runs: 1, p50Ms: 20_000, p95Ms: 20_000, targetMs: null }),
    ]);
    expect(health.topFailingFlows).toEqual([expect.objectContaining({ flowName: "Bookings", failures: 1 })]);
    expect(health.flags).toEqual([]);
  });
});
