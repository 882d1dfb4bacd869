import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reapDeadWorkers } from "./lock-reaper";

describe("reapDeadWorkers", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  async function lockedJob(lockedBy: string) {
    const { rows } = await database.pool.query<{ id: string }>(
      "select id from graphile_worker.add_job('execute_run', json_build_object('runId', gen_random_uuid()))",
    );
    const id = rows[0]?.id;
    await database.pool.query(
      "update graphile_worker._private_jobs set locked_by = $1, locked_at = now() where id = $2",
      [lockedBy, id],
    );
    return id;
  }

  async function lockOf(jobId: string | undefined) {
    const { rows } = await database.pool.query<{ locked_by: string | null }>(
      "select locked_by from graphile_worker._private_jobs where id = $1",
      [jobId],
    );
    return rows[0]?.locked_by;
  }

  it("frees the jobs of a worker whose heartbeat went stale, and only those", async () => {
    await database.pool.query(
      `insert into worker_heartbeats (worker_id, hostname, pid, version, last_seen_at, queue_worker_ids) values
         ('dead@host', 'host', 1, 'v', now() - interval '2 minutes', '{worker-dead-a,worker-dead-b}'),
         ('alive@host', 'host', 2, 'v', now(), '{worker-alive}')`,
    );
    const deadJob = await lockedJob("worker-dead-a");
    const otherDeadJob = await lockedJob("worker-dead-b");
    const aliveJob = await lockedJob("worker-alive");

    expect(await reapDeadWorkers({ pool: database.pool, staleAfterMs: 30_000 })).toEqual({
      deadWorkers: ["dead@host"],
      releasedJobs: 2,
    });
    expect(await lockOf(deadJob)).toBeNull();
    expect(await lockOf(otherDeadJob)).toBeNull();
    expect(await lockOf(aliveJob)).toBe("worker-alive");

    const { rows } = await database.pool.query<{ worker_id: string }>("select worker_id from worker_heartbeats");
    expect(rows.map((row) => row.worker_id)).toEqual(["alive@host"]);
  });

  it("does nothing while every worker is alive", async () => {
    expect(await reapDeadWorkers({ pool: database.pool, staleAfterMs: 30_000 })).toEqual({
      deadWorkers: [],
      releasedJobs: 0,
    });
  });
});
