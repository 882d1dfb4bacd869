import { createDb } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHealth } from "./get-health";

describe("getHealth", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("is degraded with the database up and no worker", async () => {
    expect(await getHealth({ db: database.db, version: "1.2.3" })).toEqual({
      status: "degraded",
      db: "up",
      worker: { status: "down", lastHeartbeatAt: null, live: 0 },
      version: "1.2.3",
    });
  });

  it("is ok while a worker's heartbeat is fresh, and reports it stale after a minute", async () => {
    await database.pool.query(
      "insert into worker_heartbeats (worker_id, hostname, pid, version, last_seen_at) values ('w1', 'h', 1, 'v', $1)",
      [new Date("2026-01-01T10:00:00Z")],
    );
    const fresh = await getHealth({ db: database.db, version: "v", now: new Date("2026-01-01T10:00:30Z") });
    expect(fresh).toMatchObject({
      status: "ok",
      worker: { status: "up", live: 1, lastHeartbeatAt: "2026-01-01T10:00:00.000Z" },
    });
    const stale = await getHealth({ db: database.db, version: "v", now: new Date("2026-01-01T10:01:30Z") });
    expect(stale).toMatchObject({ status: "degraded", worker: { status: "down", live: 0 } });
  });

  it("is down, not throwing, when the database cannot be reached", async () => {
    const unreachable = createDb({ connectionString: "postgres://nobody:x@127.0.0.1:1/none" });
    const health = await getHealth({ db: unreachable.db, version: "v" });
    await unreachable.close();
    expect(health).toMatchObject({ status: "down", db: "down" });
  });
});
