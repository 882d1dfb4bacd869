import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const handoff = fileURLToPath(new URL("../../bin/handoff.js", import.meta.url));

function runCli(args: string[], databaseUrl: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [handoff, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("handoff create-user", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("refuses a first user who is not the owner", async () => {
    const result = await runCli(["create-user", "--email", "amy@shop.test", "--role", "viewer"], database.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The first user of a new installation must be the owner (--role owner)");
  });

  it("creates the owner with a workspace, then adds people to that workspace", async () => {
    const owner = await runCli(
      ["create-user", "--email", "Owner@Shop.test", "--role", "owner", "--password", "owner-pass-1"],
      database.url,
    );
    expect(owner).toMatchObject({ code: 0, stdout: "created owner@shop.test (owner)\n" });
    const viewer = await runCli(["create-user", "--email", "books@shop.test", "--role", "viewer"], database.url);
    expect(viewer.code).toBe(0);
    expect(viewer.stdout).toMatch(/^created books@shop\.test \(viewer\)\npassword: \S{12,}\n$/);
    const rows = await database.pool.query<{ email: string; role: string; workspaces: string }>(
      `select u.email, m.role, (select count(*) from workspaces)::text as workspaces
         from users u join memberships m on m.user_id = u.id order by u.created_at`,
    );
    expect(rows.rows).toEqual([
      { email: "owner@shop.test", role: "owner", workspaces: "1" },
      { email: "books@shop.test", role: "viewer", workspaces: "1" },
    ]);
  });

  it("names the valid roles when given a wrong one", async () => {
    const result = await runCli(["create-user", "--email", "x@shop.test", "--role", "admin"], database.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--role must be one of owner, editor, operator, viewer (got "admin")');
  });
});
