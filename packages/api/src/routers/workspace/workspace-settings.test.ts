import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createUser, createWorkspace, listAudit, resolveSessionMember, type SessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("workspace settings and weekly review procedures over a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let owner: SessionMember;
  let bookkeeper: SessionMember;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental", timeZone: "Europe/Paris" })).id;
    const member = async (email: string, role: "owner" | "viewer") => {
      const user = await createUser({ db: database.db, workspaceId, email, password: "password-1", role });
      const session = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      if (!session) throw new Error("no session");
      return session;
    };
    owner = await member("owner@roe.test", "owner");
    bookkeeper = await member("books@roe.test", "viewer");
  });
  afterAll(() => database.destroy());

  const as = (member: SessionMember) => createCaller(testApiContext(database.db, member));

  it("lets the owner choose the mapping owner and retention, audited with before and after", async () => {
    const before = await as(owner).workspace.settings();
    expect(before).toMatchObject({ mappingOwner: null, successRetentionDays: 30, failureRetentionDays: 180 });
    expect(before.candidates.map((candidate) => candidate.email)).toEqual(["books@roe.test", "owner@roe.test"]);

    const saved = await as(owner).workspace.updateSettings({
      mappingOwnerUserId: bookkeeper.userId,
      successRetentionDays: 60,
      failureRetentionDays: 365,
    });
    expect(saved).toEqual({
      mappingOwner: { userId: bookkeeper.userId, email: "books@roe.test", name: "" },
      successRetentionDays: 60,
      failureRetentionDays: 365,
      changed: true,
    });
    const audit = await listAudit({
      db: database.db,
      workspaceId,
      filters: { action: "workspace.settings_changed" },
      limit: 5,
    });
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actorEmail: "owner@roe.test",
        before: expect.objectContaining({ successRetentionDays: 30, mappingOwnerEmail: null }),
        after: expect.objectContaining({ successRetentionDays: 60, mappingOwnerEmail: "books@roe.test" }),
      }),
    ]);
  });

  it("refuses retention outside 1..3650 days and a mapping owner from elsewhere, with precise messages", async () => {
    await expect(as(owner).workspace.updateSettings({ failureRetentionDays: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Failed runs are kept at least 1 day"),
    });
    const stranger = await createUser({
      db: database.db,
      workspaceId: (await createWorkspace({ db: database.db, name: "Elsewhere" })).id,
      email: "stranger@else.test",
      password: "password-1",
      role: "owner",
    });
    await expect(as(owner).workspace.updateSettings({ mappingOwnerUserId: stranger.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a mapping owner among this workspace's members",
    });
  });

  it("keeps the settings from the bookkeeper, who still reads the weekly review", async () => {
    await expect(as(bookkeeper).workspace.updateSettings({ successRetentionDays: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as(bookkeeper).workspace.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const review = await as(bookkeeper).workspace.syncReview({ week: "last" });
    expect(review).toMatchObject({
      workspaceName: "Roe Dental",
      timeZone: "Europe/Paris",
      mappingOwner: { email: "books@roe.test" },
      counts: { failedSyncs: 0, duplicates: 0, canceledStillOpen: 0 },
      reviewFlow: null,
    });
    expect(Date.parse(review.periodEnd) - Date.parse(review.periodStart)).toBeGreaterThanOrEqual(167 * 3_600_000);
    // No input means this week, which ends now.
    const thisWeek = await as(bookkeeper).workspace.syncReview();
    expect(thisWeek.periodStart).toBe(review.periodEnd);
  });
});
