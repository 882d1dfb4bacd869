import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../audit/list-audit";
import { createUser } from "../users/create-user";
import { createWorkspace } from "./create-workspace";
import { getWorkspaceSettings } from "./get-workspace-settings";
import { updateWorkspaceSettings } from "./update-workspace-settings";
import { WorkspaceSettingsInputError } from "./workspace-settings-errors";

describe("workspace review and retention settings", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ownerId: string;
  let bookkeeperId: string;
  let outsiderId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const other = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    const user = (email: string, role: "owner" | "viewer", inWorkspace = workspaceId) =>
      createUser({ db: database.db, workspaceId: inWorkspace, email, password: "password-1", role });
    ownerId = (await user("owner@roe.test", "owner")).id;
    bookkeeperId = (await user("books@roe.test", "viewer")).id;
    outsiderId = (await user("someone@else.test", "owner", other)).id;
    const disabled = await user("gone@roe.test", "viewer");
    await database.pool.query("update users set disabled_at = now() where id = $1", [disabled.id]);
  });
  afterAll(() => database.destroy());

  const update = (changes: Parameters<typeof updateWorkspaceSettings>[0]["changes"]) =>
    updateWorkspaceSettings({ db: database.db, workspaceId, actorUserId: ownerId, changes });
  const settingsAudit = async () =>
    (await listAudit({ db: database.db, workspaceId, filters: { action: "workspace.settings_changed" }, limit: 10 }))
      .entries;

  it("starts with 30 and 180 days, no mapping owner, and offers the active members", async () => {
    expect(await getWorkspaceSettings({ db: database.db, workspaceId })).toEqual({
      mappingOwner: null,
      successRetentionDays: 30,
      failureRetentionDays: 180,
      candidates: [
        { userId: bookkeeperId, email: "books@roe.test", name: "" },
        { userId: ownerId, email: "owner@roe.test", name: "" },
      ],
    });
  });

  it("stores the mapping owner and retention with one audit row holding before and after", async () => {
    const saved = await update({
      mappingOwnerUserId: bookkeeperId,
      successRetentionDays: 14,
      failureRetentionDays: 365,
    });
    expect(saved).toEqual({
      mappingOwner: { userId: bookkeeperId, email: "books@roe.test", name: "" },
      successRetentionDays: 14,
      failureRetentionDays: 365,
      changed: true,
    });
    const [entry] = await settingsAudit();
    expect(entry).toMatchObject({
      actorEmail: "owner@roe.test",
      targetType: "workspace",
      targetId: workspaceId,
      before: {
        mappingOwnerUserId: null,
        mappingOwnerEmail: null,
        successRetentionDays: 30,
        failureRetentionDays: 180,
      },
      after: {
        mappingOwnerUserId: bookkeeperId,
        mappingOwnerEmail: "books@roe.test",
        successRetentionDays: 14,
        failureRetentionDays: 365,
      },
    });
  });

  it("writes nothing to the trail when nothing changed", async () => {
    const before = (await settingsAudit()).length;
    expect((await update({ successRetentionDays: 14 })).changed).toBe(false);
    expect((await update({})).changed).toBe(false);
    expect(await settingsAudit()).toHaveLength(before);
  });

  it("clears the mapping owner with null", async () => {
    expect((await update({ mappingOwnerUserId: null })).mappingOwner).toBeNull();
    expect((await settingsAudit())[0]?.after).toMatchObject({ mappingOwnerUserId: null });
  });

  it("refuses a mapping owner from outside the workspace or a disabled account, naming the field", async () => {
    const refused = update({ mappingOwnerUserId: outsiderId });
    await expect(refused).rejects.toBeInstanceOf(WorkspaceSettingsInputError);
    await expect(refused).rejects.toMatchObject({
      field: "mappingOwnerUserId",
      message: "Choose a mapping owner among this workspace's members",
    });
  });

  it.each([
    ["successRetentionDays", 0, "Successful runs are kept between 1 and 3650 whole days"],
    ["failureRetentionDays", 3651, "Failed runs are kept between 1 and 3650 whole days"],
    ["successRetentionDays", 1.5, "Successful runs are kept between 1 and 3650 whole days"],
  ] as const)("refuses %s = %s with a precise message", async (field, value, message) => {
    await expect(update({ [field]: value })).rejects.toMatchObject({ field, message });
  });

  it("is held to the same limits by the database itself", async () => {
    await expect(
      database.pool.query("update workspaces set failure_retention_days = 0 where id = $1", [workspaceId]),
    ).rejects.toThrow(/workspaces_failure_retention_days_range/);
  });

  it("reads a mapping owner who left the workspace as none", async () => {
    await update({ mappingOwnerUserId: bookkeeperId });
    await database.pool.query("delete from memberships where user_id = $1", [bookkeeperId]);
    expect((await getWorkspaceSettings({ db: database.db, workspaceId })).mappingOwner).toBeNull();
  });
});
