import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import {
  acceptInvitation,
  createUser,
  createWorkspace,
  resolveSessionMember,
  type SessionMember,
} from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("members router over a real database", () => {
  let database: TestDatabase;
  let owner: SessionMember;
  beforeAll(async () => {
    database = await createTestDatabase();
    const workspace = await createWorkspace({ db: database.db, name: "Roe Dental" });
    const user = await createUser({
      db: database.db,
      workspaceId: workspace.id,
      email: "owner@roe.test",
      password: "owner-password",
      role: "owner",
    });
    owner = await memberFor(user.id);
  });
  afterAll(() => database.destroy());

  async function memberFor(userId: string, sessionVersion = 1) {
    const member = await resolveSessionMember({ db: database.db, userId, sessionVersion });
    if (!member) throw new Error("Expected a session member");
    return member;
  }

  const asOwner = () => createCaller(testApiContext(database.db, owner));

  it("invites, lists, changes a role and removes, ending the removed person's session", async () => {
    const invited = await asOwner().members.invite({ email: "Jane@Roe.test", role: "editor" });
    expect(invited.invitePath).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);

    const pending = await asOwner().members.list();
    expect(pending.invitations).toEqual([
      expect.objectContaining({ id: invited.invitationId, email: "jane@roe.test", role: "editor", expired: false }),
    ]);
    expect(pending.invitations[0]?.invitedByEmail).toBe("owner@roe.test");

    const token = invited.invitePath.split("/").at(-1) ?? "";
    const jane = await acceptInvitation({ db: database.db, token, name: "Jane", password: "jane-password" });
    const joined = await asOwner().members.list();
    expect(joined.invitations).toEqual([]);
    expect(joined.members.map((member) => [member.email, member.role])).toEqual([
      ["owner@roe.test", "owner"],
      ["jane@roe.test", "editor"],
    ]);

    await expect(asOwner().members.changeRole({ userId: jane.userId, role: "operator" })).resolves.toEqual({
      userId: jane.userId,
      role: "operator",
      changed: true,
    });
    expect((await memberFor(jane.userId)).role).toBe("operator");

    await asOwner().members.remove({ userId: jane.userId });
    expect((await asOwner().members.list()).members.map((member) => member.email)).toEqual(["owner@roe.test"]);
    // The session she signed in with no longer resolves, so her next request is refused.
    expect(await resolveSessionMember({ db: database.db, userId: jane.userId, sessionVersion: 1 })).toBeNull();
  });

  it("revokes an invitation so it leaves the list", async () => {
    const invited = await asOwner().members.invite({ email: "kim@roe.test", role: "viewer" });
    await expect(asOwner().members.revokeInvitation({ invitationId: invited.invitationId })).resolves.toMatchObject({
      invitationId: invited.invitationId,
    });
    expect((await asOwner().members.list()).invitations).toEqual([]);
    await expect(asOwner().members.revokeInvitation({ invitationId: invited.invitationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("withdrawn"),
    });
  });

  it("answers refusals with precise codes and messages", async () => {
    await expect(asOwner().members.invite({ email: "owner@roe.test", role: "viewer" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "owner@roe.test is already a member of this workspace",
    });
    await expect(asOwner().members.invite({ email: "not-an-email", role: "viewer" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "not-an-email is not a valid email address",
    });
    await expect(asOwner().members.changeRole({ userId: owner.userId, role: "viewer" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("last owner"),
    });
    await expect(asOwner().members.remove({ userId: owner.userId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot remove yourself; another owner can remove you",
    });
    await expect(asOwner().members.remove({ userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      asOwner().members.revokeInvitation({ invitationId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is for owners only", async () => {
    const editor = await createUser({
      db: database.db,
      workspaceId: owner.workspaceId,
      email: "ed@roe.test",
      password: "editor-password",
      role: "editor",
    });
    const asEditor = createCaller(testApiContext(database.db, await memberFor(editor.id)));
    await expect(asEditor.members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asEditor.members.invite({ email: "x@roe.test", role: "owner" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(asEditor.members.remove({ userId: owner.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
