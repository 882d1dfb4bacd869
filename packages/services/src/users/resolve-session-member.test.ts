import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { authenticateUser } from "./authenticate-user";
import { createUser } from "./create-user";
import { resolveSessionMember } from "./resolve-session-member";

describe("sign-in and sessions against a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Acme Plumbing" })).id;
  });
  afterAll(() => database.destroy());

  it("authenticates whatever the case of the email, and only with the right password", async () => {
    await createUser({
      db: database.db,
      workspaceId,
      email: "  Jane@Acme.test ",
      password: "s3cret-pass",
      role: "editor",
    });
    const user = await authenticateUser({ db: database.db, email: "JANE@acme.test", password: "s3cret-pass" });
    expect(user?.email).toBe("jane@acme.test");
    expect(await authenticateUser({ db: database.db, email: "jane@acme.test", password: "wrong-pass" })).toBeNull();
    expect(await authenticateUser({ db: database.db, email: "nobody@acme.test", password: "s3cret-pass" })).toBeNull();
  });

  it("refuses a second account with the same email", async () => {
    await expect(
      createUser({ db: database.db, workspaceId, email: "jane@ACME.test", password: "another-pass", role: "viewer" }),
    ).rejects.toThrow("already exists");
  });

  it("resolves a session to the member and role, and ends it when the session version moves on", async () => {
    const user = await createUser({
      db: database.db,
      workspaceId,
      email: "bob@acme.test",
      password: "bob-password",
      role: "viewer",
    });
    expect(await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 })).toMatchObject({
      email: "bob@acme.test",
      role: "viewer",
      workspaceName: "Acme Plumbing",
    });
    await database.pool.query("update users set session_version = session_version + 1 where id = $1", [user.id]);
    expect(await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 })).toBeNull();
  });

  it("writes an audit row for every user created", async () => {
    const rows = await database.pool.query<{ action: string; after: { email: string } }>(
      "select action, after from audit_log where action = 'user.created' order by id",
    );
    expect(rows.rows.map((row) => row.after.email)).toEqual(["jane@acme.test", "bob@acme.test"]);
  });
});
