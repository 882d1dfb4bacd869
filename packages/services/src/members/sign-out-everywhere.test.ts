import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSessionMember } from "../users/resolve-session-member";
import { auditRows, createWorkspaceWithOwner } from "./member-fixtures";
import { signOutEverywhere } from "./sign-out-everywhere";

describe("signOutEverywhere against a real database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("ends every session issued before it, not the ones issued after", async () => {
    const { workspaceId, ownerId } = await createWorkspaceWithOwner(database.db);
    const { sessionVersion } = await signOutEverywhere({ db: database.db, userId: ownerId, workspaceId });
    expect(sessionVersion).toBe(2);
    expect(await resolveSessionMember({ db: database.db, userId: ownerId, sessionVersion: 1 })).toBeNull();
    expect(await resolveSessionMember({ db: database.db, userId: ownerId, sessionVersion: 2 })).toMatchObject({
      role: "owner",
    });
    expect(await auditRows(database.pool, "user.signed_out_everywhere")).toEqual([
      expect.objectContaining({
        actor_user_id: ownerId,
        target_id: ownerId,
        after: { email: "owner@acme-plumbing.test" },
      }),
    ]);
  });
});
