import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSessionMember } from "../users/resolve-session-member";
import { changeMemberRole } from "./change-member-role";
import { LastOwnerError, MemberNotFoundError } from "./errors";
import { addMember, auditRows, createWorkspaceWithOwner } from "./member-fixtures";

describe("changeMemberRole against a real database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("changes the role the member's next call sees, audited with before and after", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db);
    const userId = await addMember(database.db, workspaceId, "ed@acme.test", "editor");
    await expect(
      changeMemberRole({ db: database.db, workspaceId, userId, role: "viewer", actorUserId: ownerId }),
    ).resolves.toEqual({ userId, role: "viewer", changed: true });
    expect(await resolveSessionMember({ db: database.db, userId, sessionVersion: 1 })).toMatchObject({
      role: "viewer",
    });
    expect(await auditRows(database.pool, "user.role_changed")).toEqual([
      expect.objectContaining({
        actor_user_id: ownerId,
        target_id: userId,
        before: { email: "ed@acme.test", role: "editor" },
        after: { email: "ed@acme.test", role: "viewer" },
      }),
    ]);

    await changeMemberRole({ db: database.db, workspaceId, userId, role: "viewer", actorUserId: ownerId });
    expect(await auditRows(database.pool, "user.role_changed")).toHaveLength(1);
  });

  it("refuses to demote the last owner, and allows it once there is another", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Roe Dental");
    const demote = changeMemberRole({
      db: database.db,
      workspaceId,
      userId: ownerId,
      role: "editor",
      actorUserId: ownerId,
    });
    await expect(demote).rejects.toBeInstanceOf(LastOwnerError);
    await expect(demote).rejects.toThrow("last owner");

    const secondOwnerId = await addMember(database.db, workspaceId, "second@roe.test", "editor");
    await changeMemberRole({
      db: database.db,
      workspaceId,
      userId: secondOwnerId,
      role: "owner",
      actorUserId: ownerId,
    });
    await expect(
      changeMemberRole({ db: database.db, workspaceId, userId: ownerId, role: "editor", actorUserId: ownerId }),
    ).resolves.toMatchObject({ changed: true });
  });

  it("never lets two owners demoting each other at once leave the workspace without an owner", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Two Owners");
    const otherOwnerId = await addMember(database.db, workspaceId, "other@two.test", "owner");
    const attempts = await Promise.allSettled([
      changeMemberRole({ db: database.db, workspaceId, userId: ownerId, role: "viewer", actorUserId: otherOwnerId }),
      changeMemberRole({ db: database.db, workspaceId, userId: otherOwnerId, role: "viewer", actorUserId: ownerId }),
    ]);
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual(["fulfilled", "rejected"]);
    const owners = await database.pool.query("select 1 from memberships where workspace_id = $1 and role = 'owner'", [
      workspaceId,
    ]);
    expect(owners.rowCount).toBe(1);
  });

  it("refuses someone who is not a member of this workspace", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Lone");
    const elsewhere = await createWorkspaceWithOwner(database.db, "Elsewhere");
    await expect(
      changeMemberRole({
        db: database.db,
        workspaceId,
        userId: elsewhere.ownerId,
        role: "viewer",
        actorUserId: ownerId,
      }),
    ).rejects.toBeInstanceOf(MemberNotFoundError);
  });
});
