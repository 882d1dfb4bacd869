import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateUser } from "../users/authenticate-user";
import { resolveSessionMember } from "../users/resolve-session-member";
import { CannotRemoveSelfError, LastOwnerError, MemberNotFoundError } from "./errors";
import { addMember, auditRows, createWorkspaceWithOwner, FIXTURE_PASSWORD } from "./member-fixtures";
import { removeMember } from "./remove-member";

describe("removeMember against a real database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("removes the membership and ends the removed person's open session at once", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db);
    const userId = await addMember(database.db, workspaceId, "sam@acme.test", "operator");
    const signedIn = await authenticateUser({ db: database.db, email: "sam@acme.test", password: FIXTURE_PASSWORD });
    const sessionVersion = signedIn?.sessionVersion ?? 0;
    expect(await resolveSessionMember({ db: database.db, userId, sessionVersion })).not.toBeNull();

    await removeMember({ db: database.db, workspaceId, userId, actorUserId: ownerId });

    expect(await resolveSessionMember({ db: database.db, userId, sessionVersion })).toBeNull();
    const user = await database.pool.query("select session_version from users where id = $1", [userId]);
    expect(user.rows[0]).toEqual({ session_version: sessionVersion + 1 });
    const memberships = await database.pool.query("select 1 from memberships where user_id = $1", [userId]);
    expect(memberships.rowCount).toBe(0);
    expect(await auditRows(database.pool, "user.removed")).toEqual([
      expect.objectContaining({
        actor_user_id: ownerId,
        target_id: userId,
        before: { email: "sam@acme.test", role: "operator" },
        after: null,
      }),
    ]);
  });

  it("refuses removing yourself", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Self");
    await addMember(database.db, workspaceId, "second@self.test", "owner");
    await expect(
      removeMember({ db: database.db, workspaceId, userId: ownerId, actorUserId: ownerId }),
    ).rejects.toBeInstanceOf(CannotRemoveSelfError);
  });

  it("refuses removing the last owner, and removes an owner when another remains", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Roe Dental");
    const editorId = await addMember(database.db, workspaceId, "ed@roe.test", "editor");
    await expect(
      removeMember({ db: database.db, workspaceId, userId: ownerId, actorUserId: editorId }),
    ).rejects.toBeInstanceOf(LastOwnerError);
    expect(await resolveSessionMember({ db: database.db, userId: ownerId, sessionVersion: 1 })).not.toBeNull();

    const secondOwnerId = await addMember(database.db, workspaceId, "second@roe.test", "owner");
    await removeMember({ db: database.db, workspaceId, userId: secondOwnerId, actorUserId: ownerId });
    expect(await resolveSessionMember({ db: database.db, userId: secondOwnerId, sessionVersion: 1 })).toBeNull();
  });

  it("refuses someone who is not a member, leaving their sessions alone", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Lone");
    const elsewhere = await createWorkspaceWithOwner(database.db, "Elsewhere");
    await expect(
      removeMember({ db: database.db, workspaceId, userId: elsewhere.ownerId, actorUserId: ownerId }),
    ).rejects.toBeInstanceOf(MemberNotFoundError);
    expect(
      await resolveSessionMember({ db: database.db, userId: elsewhere.ownerId, sessionVersion: 1 }),
    ).not.toBeNull();
  });
});
