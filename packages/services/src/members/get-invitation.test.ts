import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "./accept-invitation";
import { getInvitation } from "./get-invitation";
import { inviteMember } from "./invite-member";
import { createWorkspaceWithOwner } from "./member-fixtures";
import { revokeInvitation } from "./revoke-invitation";

describe("getInvitation, what the public accept page sees", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ownerId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ workspaceId, ownerId } = await createWorkspaceWithOwner(database.db, "Roe Dental"));
  });
  afterAll(() => database.destroy());

  const invite = (email: string) =>
    inviteMember({ db: database.db, workspaceId, email, role: "editor", actorUserId: ownerId });

  it("shows a pending invitation with its workspace, and expires it after seven days", async () => {
    const { token, expiresAt } = await invite("jane@roe.test");
    expect(await getInvitation({ db: database.db, token })).toEqual({
      email: "jane@roe.test",
      role: "editor",
      workspaceName: "Roe Dental",
      state: "pending",
      expiresAt,
    });
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(await getInvitation({ db: database.db, token, now: justBefore })).toMatchObject({ state: "pending" });
    expect(await getInvitation({ db: database.db, token, now: expiresAt })).toMatchObject({ state: "expired" });
  });

  it("tells accepted and revoked links apart, even once they are past their expiry", async () => {
    const accepted = await invite("sam@roe.test");
    await acceptInvitation({ db: database.db, token: accepted.token, name: "Sam", password: "sam-password" });
    const revoked = await invite("kim@roe.test");
    await revokeInvitation({ db: database.db, workspaceId, invitationId: revoked.invitationId, actorUserId: ownerId });
    const later = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    expect(await getInvitation({ db: database.db, token: accepted.token, now: later })).toMatchObject({
      state: "accepted",
    });
    expect(await getInvitation({ db: database.db, token: revoked.token, now: later })).toMatchObject({
      state: "revoked",
    });
  });

  it("answers null for a link that matches no invitation, including the stored hash itself", async () => {
    expect(await getInvitation({ db: database.db, token: "made-up" })).toBeNull();
    const stored = await database.pool.query<{ token_hash: string }>("select token_hash from invitations limit 1");
    expect(await getInvitation({ db: database.db, token: stored.rows[0]?.token_hash ?? "" })).toBeNull();
  });
});
