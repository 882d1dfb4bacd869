import { ROLES } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createUser, createWorkspace, resolveSessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("account.signOutEverywhere over a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
  });
  afterAll(() => database.destroy());

  it("ends every open session of any role, audited in the workspace", async () => {
    for (const role of ROLES) {
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: `${role}@roe.test`,
        password: "password-1",
        role,
      });
      const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      await createCaller(testApiContext(database.db, member)).account.signOutEverywhere();
      expect(await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 })).toBeNull();
    }
    const audit = await database.pool.query(
      "select count(*)::int as n from audit_log where action = 'user.signed_out_everywhere' and workspace_id = $1",
      [workspaceId],
    );
    expect(audit.rows[0]).toEqual({ n: ROLES.length });
  });

  it("needs a session", async () => {
    await expect(createCaller(testApiContext(database.db, null)).account.signOutEverywhere()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
