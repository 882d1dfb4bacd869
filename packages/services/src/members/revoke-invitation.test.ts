import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "./accept-invitation";
import { InvitationNotFoundError, InvitationNotPendingError } from "./errors";
import { inviteMember } from "./invite-member";
import { listMembers } from "./list-members";
import { auditRows, createWorkspaceWithOwner } from "./member-fixtures";
import { revokeInvitation } from "./revoke-invitation";

describe("revokeInvitation against a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ownerId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workspaceId, ownerId } = await createWorkspaceWithOwner(database.db));
  });
  afterAll(() => database.destroy());

  const invite = (email: string, now?: Date) =>
    inviteMember({ db: database.db, workspaceId, email, role: "viewer", actorUserId: ownerId, now });

  it("withdraws a pending invitation, takes it off the list and audits it", async () => {
    const { invitationId } = await invite("jane@acme.test");
    await revokeInvitation({ db: database.db, workspaceId, invitationId, actorUserId: ownerId });
    const { invitations } = await listMembers({ db: database.db, workspaceId });
    expect(invitations.map((invitation) => invitation.id)).not.toContain(invitationId);
    expect(await auditRows(database.pool, "invitation.revoked")).toEqual([
      expect.objectContaining({
        actor_user_id: ownerId,
        target_id: invitationId,
        before: { email: "jane@acme.test", role: "viewer", state: "pending" },
        after: { email: "jane@acme.test", role: "viewer", state: "revoked" },
      }),
    ]);
  });

  it("revokes an expired invitation, to tidy the list", async () => {
    const { invitationId } = await invite("late@acme.test", new Date("2020-01-01T00:00:00Z"));
    await expect(
      revokeInvitation({ db: database.db, workspaceId, invitationId, actorUserId: ownerId }),
    ).resolves.toMatchObject({ invitationId });
  });

  it("refuses an invitation already revoked or accepted", async () => {
    const revoked = await invite("twice@acme.test");
    await revokeInvitation({ db: database.db, workspaceId, invitationId: revoked.invitationId, actorUserId: ownerId });
    await expect(
      revokeInvitation({ db: database.db, workspaceId, invitationId: revoked.invitationId, actorUserId: ownerId }),
    ).rejects.toMatchObject({ name: "InvitationNotPendingError", state: "revoked" });

    const accepted = await invite("joined@acme.test");
    await acceptInvitation({ db: database.db, token: accepted.token, name: "Joined", password: "joined-password" });
    const revokeAccepted = revokeInvitation({
      db: database.db,
      workspaceId,
      invitationId: accepted.invitationId,
      actorUserId: ownerId,
    });
    await expect(revokeAccepted).rejects.toBeInstanceOf(InvitationNotPendingError);
    await expect(revokeAccepted).rejects.toThrow("This invitation has already been accepted");
  });

  it("does not reach another workspace's invitations", async () => {
    const other = await createWorkspaceWithOwner(database.db, "Roe Dental");
    const theirs = await inviteMember({
      db: database.db,
      workspaceId: other.workspaceId,
      email: "pat@roe.test",
      role: "editor",
      actorUserId: other.ownerId,
    });
    await expect(
      revokeInvitation({ db: database.db, workspaceId, invitationId: theirs.invitationId, actorUserId: ownerId }),
    ).rejects.toBeInstanceOf(InvitationNotFoundError);
  });
});
