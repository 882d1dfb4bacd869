import { ROLES } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createFlow, createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("audit router over a real database", () => {
  let database: TestDatabase;
  const members = new Map<string, SessionMember>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    for (const role of ROLES) {
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: `${role}@roe.test`,
        password: "password-1",
        role,
      });
      const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      if (member) members.set(role, member);
    }
    const owner = members.get("owner");
    await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: owner?.userId ?? null });
  });
  afterAll(() => database.destroy());

  const as = (role: string) => createCaller(testApiContext(database.db, members.get(role) ?? null));

  it("lets the owner page through the trail with filters", async () => {
    const first = await as("owner").audit.list({ action: "user.", limit: 3 });
    expect(first.entries.map((entry) => entry.targetLabel)).toEqual([
      "viewer@roe.test",
      "operator@roe.test",
      "editor@roe.test",
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await as("owner").audit.list({ action: "user.", limit: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ entries: [{ targetLabel: "owner@roe.test" }], nextCursor: null });
    const flows = await as("owner").audit.list({ targetType: "flow" });
    expect(flows.entries).toMatchObject([
      { action: "flow.created", actorEmail: "owner@roe.test", targetLabel: "Bookings" },
    ]);
  });

  it("offers the actions, target types and people seen", async () => {
    const options = await as("owner").audit.filterOptions();
    expect(options.actions).toEqual(["flow.created", "user.created"]);
    expect(options.targetTypes).toEqual(["flow", "user"]);
    expect(options.actors.map((actor) => actor.email)).toEqual(["owner@roe.test"]);
  });

  it("refuses bad filters and cursors with a precise message", async () => {
    await expect(as("owner").audit.list({ from: "last week" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("ISO-8601"),
    });
    await expect(as("owner").audit.list({ cursor: "page-2" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cursor"),
    });
  });

  it("is for owners only", async () => {
    for (const role of ["editor", "operator", "viewer"]) {
      await expect(as(role).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as(role).audit.filterOptions()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(as("nobody").audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
