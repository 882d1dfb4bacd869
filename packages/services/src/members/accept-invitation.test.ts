import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateUser } from "../users/authenticate-user";
import { resolveSessionMember } from "../users/resolve-session-member";
import { acceptInvitation } from "./accept-invitation";
import {
  AlreadyMemberError,
  ExistingAccountPasswordError,
  InvitationNotFoundError,
  InvitationNotPendingError,
  MemberInputError,
} from "./errors";
import { inviteMember } from "./invite-member";
import { listMembers } from "./list-members";
import { addMember, auditRows, createWorkspaceWithOwner, FIXTURE_PASSWORD, wholeAuditLog } from "./member-fixtures";
import { revokeInvitation } from "./revoke-invitation";

describe("acceptInvitation against a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ownerId: string;
  const secrets: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workspaceId, ownerId } = await createWorkspaceWithOwner(database.db));
  });
  afterAll(() => database.destroy());

  async function invite(email: string, role: "editor" | "operator" | "viewer" | "owner" = "operator", now?: Date) {
    const invitation = await inviteMember({ db: database.db, workspaceId, email, role, actorUserId: ownerId, now });
    secrets.push(invitation.token);
    return invitation;
  }

  it("makes a new account a member with the invited role, able to sign in", async () => {
    const { token, invitationId } = await invite("jane@acme.test", "operator");
    secrets.push("jane-password-1");
    const joined = await acceptInvitation({ db: database.db, token, name: " Jane Roe ", password: "jane-password-1" });
    expect(joined).toMatchObject({ email: "jane@acme.test", workspaceId, role: "operator" });

    const user = await authenticateUser({ db: database.db, email: "jane@acme.test", password: "jane-password-1" });
    expect(user).toMatchObject({ id: joined.userId, name: "Jane Roe" });
    expect(await resolveSessionMember({ db: database.db, userId: joined.userId, sessionVersion: 1 })).toMatchObject({
      workspaceId,
      role: "operator",
    });
    const { members, invitations } = await listMembers({ db: database.db, workspaceId });
    expect(members.map((member) => [member.email, member.role])).toContainEqual(["jane@acme.test", "operator"]);
    expect(invitations.map((invitation) => invitation.id)).not.toContain(invitationId);

    const [audit] = await auditRows(database.pool, "user.joined");
    expect(audit).toMatchObject({
      actor_user_id: joined.userId,
      target_id: joined.userId,
      after: { email: "jane@acme.test", role: "operator", invitationId, existingAccount: false },
    });
  });

  it("accepts a link once, even when it is used twice at the same instant", async () => {
    const { token } = await invite("twice@acme.test", "viewer");
    const attempts = await Promise.allSettled([
      acceptInvitation({ db: database.db, token, name: "Twice", password: "twice-password" }),
      acceptInvitation({ db: database.db, token, name: "Twice", password: "twice-password" }),
    ]);
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((attempt) => attempt.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(InvitationNotPendingError);
    expect(refused?.reason).toMatchObject({ state: "accepted" });

    const users = await database.pool.query("select id from users where email = 'twice@acme.test'");
    expect(users.rowCount).toBe(1);
    const memberships = await database.pool.query("select 1 from memberships where user_id = $1", [users.rows[0].id]);
    expect(memberships.rowCount).toBe(1);
    await expect(
      acceptInvitation({ db: database.db, token, name: "Twice", password: "twice-password" }),
    ).rejects.toThrow("already been used");
  });

  it("refuses an expired, a revoked or an unknown link, creating nothing", async () => {
    const expired = await invite("late@acme.test", "viewer", new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
    await expect(
      acceptInvitation({ db: database.db, token: expired.token, name: "Late", password: "late-password" }),
    ).rejects.toMatchObject({ name: "InvitationNotPendingError", state: "expired" });

    const revoked = await invite("gone@acme.test", "viewer");
    await revokeInvitation({ db: database.db, workspaceId, invitationId: revoked.invitationId, actorUserId: ownerId });
    await expect(
      acceptInvitation({ db: database.db, token: revoked.token, name: "Gone", password: "gone-password" }),
    ).rejects.toMatchObject({ name: "InvitationNotPendingError", state: "revoked" });

    await expect(
      acceptInvitation({ db: database.db, token: "not-a-real-token", name: "Nobody", password: "nobody-password" }),
    ).rejects.toBeInstanceOf(InvitationNotFoundError);

    const users = await database.pool.query("select 1 from users where email in ('late@acme.test', 'gone@acme.test')");
    expect(users.rowCount).toBe(0);
  });

  it("refuses a short password and a missing name with a precise message", async () => {
    const { token } = await invite("short@acme.test");
    const short = acceptInvitation({ db: database.db, token, name: "Short", password: "1234567" });
    await expect(short).rejects.toBeInstanceOf(MemberInputError);
    await expect(short).rejects.toThrow("The password must have at least 8 characters");
    await expect(acceptInvitation({ db: database.db, token, name: "   ", password: "long-enough" })).rejects.toThrow(
      "Enter your name",
    );
    // Refusals leave the link usable.
    await expect(
      acceptInvitation({ db: database.db, token, name: "Short", password: "long-enough" }),
    ).resolves.toBeTruthy();
  });

  it("adds an existing account only with its own password, and never changes that password", async () => {
    const other = await createWorkspaceWithOwner(database.db, "Roe Dental");
    const existingId = await addMember(database.db, other.workspaceId, "pat@roe.test", "editor");
    const before = await database.pool.query("select password_hash, name from users where id = $1", [existingId]);
    const { token } = await invite("pat@roe.test", "viewer");
    secrets.push("a-new-password");

    const wrong = acceptInvitation({ db: database.db, token, name: "Pat", password: "a-new-password" });
    await expect(wrong).rejects.toBeInstanceOf(ExistingAccountPasswordError);
    const membershipsAfterWrong = await database.pool.query("select 1 from memberships where user_id = $1", [
      existingId,
    ]);
    expect(membershipsAfterWrong.rowCount).toBe(1);

    const joined = await acceptInvitation({ db: database.db, token, name: "Someone Else", password: FIXTURE_PASSWORD });
    expect(joined).toMatchObject({ userId: existingId, role: "viewer", workspaceId });
    const after = await database.pool.query("select password_hash, name from users where id = $1", [existingId]);
    expect(after.rows[0]).toEqual(before.rows[0]);
    const memberships = await database.pool.query("select workspace_id, role from memberships where user_id = $1", [
      existingId,
    ]);
    expect(memberships.rows).toHaveLength(2);
    expect(memberships.rows).toContainEqual({ workspace_id: workspaceId, role: "viewer" });
    const joinedAudit = await auditRows(database.pool, "user.joined");
    expect(joinedAudit.at(-1)?.after).toMatchObject({ email: "pat@roe.test", existingAccount: true });
  });

  it("refuses to join someone who became a member meanwhile", async () => {
    const { token } = await invite("meanwhile@acme.test");
    await addMember(database.db, workspaceId, "meanwhile@acme.test", "editor");
    await expect(
      acceptInvitation({ db: database.db, token, name: "Meanwhile", password: FIXTURE_PASSWORD }),
    ).rejects.toBeInstanceOf(AlreadyMemberError);
  });

  it("never writes a token or a password to the audit trail", async () => {
    const log = await wholeAuditLog(database.pool);
    expect(secrets.length).toBeGreaterThan(5);
    for (const secret of [...secrets, FIXTURE_PASSWORD]) expect(log).not.toContain(secret);
  });
});
