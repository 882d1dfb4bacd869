import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyMemberError, MemberInputError } from "./errors";
import { getInvitation } from "./get-invitation";
import { hashInvitationToken } from "./invitation-token";
import { inviteMember } from "./invite-member";
import { addMember, auditRows, createWorkspaceWithOwner, wholeAuditLog } from "./member-fixtures";

describe("inviteMember against a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ownerId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workspaceId, ownerId } = await createWorkspaceWithOwner(database.db));
  });
  afterAll(() => database.destroy());

  it("stores only the token's SHA-256, valid for seven days, and audits without the token", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const invitation = await inviteMember({
      db: database.db,
      workspaceId,
      email: "  Jane@Acme.TEST ",
      role: "editor",
      actorUserId: ownerId,
      now,
    });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation.expiresAt).toEqual(new Date("2026-03-09T09:00:00Z"));

    const stored = await database.pool.query("select * from invitations where id = $1", [invitation.invitationId]);
    expect(stored.rows[0]).toMatchObject({
      email: "jane@acme.test",
      role: "editor",
      token_hash: hashInvitationToken(invitation.token),
      invited_by: ownerId,
      accepted_at: null,
      revoked_at: null,
    });
    expect(JSON.stringify(stored.rows)).not.toContain(invitation.token);

    const [audit] = await auditRows(database.pool, "user.invited");
    expect(audit).toMatchObject({
      actor_user_id: ownerId,
      target_id: invitation.invitationId,
      after: { email: "jane@acme.test", role: "editor" },
    });
    expect(await wholeAuditLog(database.pool)).not.toContain(invitation.token);
  });

  it("gives every invitation its own token", async () => {
    const first = await inviteMember({
      db: database.db,
      workspaceId,
      email: "a@acme.test",
      role: "viewer",
      actorUserId: ownerId,
    });
    const second = await inviteMember({
      db: database.db,
      workspaceId,
      email: "b@acme.test",
      role: "viewer",
      actorUserId: ownerId,
    });
    expect(first.token).not.toBe(second.token);
  });

  it("replaces an open invitation when the same email is invited again", async () => {
    const old = await inviteMember({
      db: database.db,
      workspaceId,
      email: "sam@acme.test",
      role: "viewer",
      actorUserId: ownerId,
    });
    const fresh = await inviteMember({
      db: database.db,
      workspaceId,
      email: "SAM@acme.test",
      role: "operator",
      actorUserId: ownerId,
    });

    expect(await getInvitation({ db: database.db, token: old.token })).toMatchObject({ state: "revoked" });
    expect(await getInvitation({ db: database.db, token: fresh.token })).toMatchObject({
      state: "pending",
      role: "operator",
    });
    const revoked = await auditRows(database.pool, "invitation.revoked");
    expect(revoked).toEqual([
      expect.objectContaining({ target_id: old.invitationId, reason: "Replaced by a new invitation" }),
    ]);
  });

  it("refuses an email that already belongs to a member, whatever its case", async () => {
    await addMember(database.db, workspaceId, "bob@acme.test", "operator");
    const invite = inviteMember({
      db: database.db,
      workspaceId,
      email: "Bob@ACME.test",
      role: "viewer",
      actorUserId: ownerId,
    });
    await expect(invite).rejects.toBeInstanceOf(AlreadyMemberError);
    await expect(invite).rejects.toThrow("bob@acme.test is already a member of this workspace");
  });

  it("invites someone who is a member of another workspace only", async () => {
    const other = await createWorkspaceWithOwner(database.db, "Roe Dental");
    await addMember(database.db, other.workspaceId, "pat@roe.test", "editor");
    await expect(
      inviteMember({ db: database.db, workspaceId, email: "pat@roe.test", role: "viewer", actorUserId: ownerId }),
    ).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("refuses something that is not an email address", async () => {
    for (const email of ["", "   ", "jane", "jane@", "jane doe@acme.test"]) {
      await expect(
        inviteMember({ db: database.db, workspaceId, email, role: "viewer", actorUserId: ownerId }),
      ).rejects.toBeInstanceOf(MemberInputError);
    }
  });
});
