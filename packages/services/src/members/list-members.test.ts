import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteMember } from "./invite-member";
import { listMembers } from "./list-members";
import { addMember, createWorkspaceWithOwner } from "./member-fixtures";

describe("listMembers against a real database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("lists this workspace's members and open invitations, flagging the expired ones", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db);
    const editorId = await addMember(database.db, workspaceId, "ed@acme.test", "editor");
    const other = await createWorkspaceWithOwner(database.db, "Roe Dental");
    await inviteMember({
      db: database.db,
      workspaceId: other.workspaceId,
      email: "x@roe.test",
      role: "viewer",
      actorUserId: null,
    });

    const now = new Date("2026-05-10T12:00:00Z");
    const fresh = await inviteMember({
      db: database.db,
      workspaceId,
      email: "new@acme.test",
      role: "operator",
      actorUserId: ownerId,
      now,
    });
    const stale = await inviteMember({
      db: database.db,
      workspaceId,
      email: "old@acme.test",
      role: "viewer",
      actorUserId: ownerId,
      now: new Date("2026-05-01T12:00:00Z"),
    });

    const { members, invitations } = await listMembers({ db: database.db, workspaceId, now });
    expect(members).toEqual([
      { userId: ownerId, email: "owner@acme-plumbing.test", name: "", role: "owner", joinedAt: expect.any(Date) },
      { userId: editorId, email: "ed@acme.test", name: "", role: "editor", joinedAt: expect.any(Date) },
    ]);
    expect(invitations).toHaveLength(2);
    expect(invitations).toContainEqual({
      id: fresh.invitationId,
      email: "new@acme.test",
      role: "operator",
      invitedByEmail: "owner@acme-plumbing.test",
      expiresAt: fresh.expiresAt,
      expired: false,
    });
    expect(invitations).toContainEqual(expect.objectContaining({ id: stale.invitationId, expired: true }));
  });
});
