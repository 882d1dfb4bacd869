import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./testing/admin";

describe("embedded PostgreSQL", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps its data across a stop and a second start", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-embedded-"));
    dirs.push(dataDir);
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, database: "keep" });
    await query(first.connectionString, "create table notes (body text); insert into notes values ('still here')");
    await first.stop();
    expect((await readFile(path.join(dataDir, "pg", "postmaster.pid")).catch(() => null)) === null).toBe(true);

    const second = await startEmbeddedPostgres({ dataDir, port, database: "keep" });
    expect(await query(second.connectionString, "select body from notes")).toEqual([{ body: "still here" }]);
    await second.stop();
  });

  it("keeps its password file readable by the owner only", async () => {
    const dataDir = dirs[0] ?? "";
    expect((await stat(path.join(dataDir, "postgres-password"))).mode & 0o077).toBe(0);
  });
});

async function query(connectionString: string, text: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query(text);
    return Array.isArray(result) ? [] : result.rows;
  } finally {
    await client.end();
  }
}
