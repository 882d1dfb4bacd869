import { ROLES } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createUser, createWorkspace, resolveSessionMember } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { testApiContext } from "./testing";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);

describe("workspace.overview over a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
  });
  afterAll(() => database.destroy());

  it("answers every role with its own workspace", async () => {
    for (const role of ROLES) {
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: `${role}@roe.test`,
        password: "password-1",
        role,
      });
      const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      const overview = await createCaller(testApiContext(database.db, member)).workspace.overview();
      expect(overview.name).toBe("Roe Dental");
      expect(overview.me).toEqual({ email: `${role}@roe.test`, name: "", role });
    }
    const overview = await createCaller(
      testApiContext(
        database.db,
        await resolveSessionMember({ db: database.db, userId: (await firstUserId()) ?? "", sessionVersion: 1 }),
      ),
    ).workspace.overview();
    expect(overview.counts.members).toBe(ROLES.length);
  });

  it("refuses a call without a session", async () => {
    const call = createCaller(testApiContext(database.db, null)).workspace.overview();
    await expect(call).rejects.toBeInstanceOf(TRPCError);
    await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  async function firstUserId() {
    const rows = await database.pool.query<{ id: string }>("select id from users order by created_at limit 1");
    return rows.rows[0]?.id;
  }
});
