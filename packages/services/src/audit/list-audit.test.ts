import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { InvalidAuditCursorError } from "./audit-cursor";
import { listAuditFilterOptions } from "./audit-filter-options";
import type { AuditFilters } from "./audit-filters";
import { type AuditEntry, listAudit } from "./list-audit";

/** Five rows share this instant to the microsecond: only the id can order them. */
const TIE = "2025-03-04T12:00:00.123456Z";

describe("listing the audit trail", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let ana: string;
  let ben: string;
  let carl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const elsewhere = (await createWorkspace({ db: database.db, name: "Someone else" })).id;
    ana = await insertUser("ana@roe.test");
    ben = await insertUser("ben@roe.test");
    carl = await insertUser("carl@else.test");
    await insertAudit(workspaceId, ana, "flow.created", "flow", "f1", "2025-03-01T09:00:00Z");
    await insertAudit(workspaceId, ana, "flow.published", "flow", "f1", "2025-03-02T10:00:00Z");
    await insertAudit(workspaceId, ben, "connection.created", "connection", "c1", "2025-03-03T11:00:00Z");
    for (const run of ["r1", "r2", "r3", "r4", "r5"])
      await insertAudit(workspaceId, ben, "run.retried", "run", run, TIE);
    await insertAudit(workspaceId, null, "flow.paused", "flow", "f1", "2025-03-05T08:00:00Z");
    await insertAudit(elsewhere, carl, "flow.published", "flow", "x1", "2025-03-03T00:00:00Z");
    await insertAudit(null, null, "secrets.key_rotated", "installation", null, "2025-03-03T00:00:00Z");
  });
  afterAll(() => database.destroy());

  async function insertUser(email: string): Promise<string> {
    const { rows } = await database.pool.query<{ id: string }>(
      "insert into users (email, password_hash) values ($1, 'x') returning id",
      [email],
    );
    return rows[0]?.id ?? "";
  }

  async function insertAudit(
    workspace: string | null,
    actor: string | null,
    action: string,
    targetType: string,
    targetId: string | null,
    createdAt: string,
  ) {
    await database.pool.query(
      `insert into audit_log (workspace_id, actor_user_id, action, target_type, target_id, after, created_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [workspace, actor, action, targetType, targetId, JSON.stringify({ n: targetId }), createdAt],
    );
  }

  const list = (filters: AuditFilters = {}, limit?: number) =>
    listAudit({ db: database.db, workspaceId, filters, limit });
  const targets = (entries: AuditEntry[]) => entries.map((entry) => entry.targetId);

  it("lists one workspace's rows newest first, ties broken by id, with the actor's email", async () => {
    const page = await list();
    expect(page.entries.map((entry) => entry.action)).toEqual([
      "flow.paused",
      ...Array(5).fill("run.retried"),
      "connection.created",
      "flow.published",
      "flow.created",
    ]);
    expect(targets(page.entries).slice(1, 6)).toEqual(["r5", "r4", "r3", "r2", "r1"]);
    expect(page.entries[0]).toMatchObject({ actorUserId: null, actorEmail: null });
    expect(page.entries.at(-1)).toMatchObject({
      actorUserId: ana,
      actorEmail: "ana@roe.test",
      createdAt: "2025-03-01T09:00:00.000Z",
      after: { n: "f1" },
    });
    expect(page.nextCursor).toBeNull();
  });

  it.each<[string, AuditFilters, (string | null)[]]>([
    ["an exact action", { action: "flow.published" }, ["f1"]],
    ["an action prefix", { action: "flow." }, ["f1", "f1", "f1"]],
    ["a prefix that is not a whole segment matches nothing", { action: "flo." }, []],
    ["a person", { actorUserId: "ANA" }, ["f1", "f1"]],
    ["a target type", { targetType: "connection" }, ["c1"]],
    ["a target id", { targetId: "r3" }, ["r3"]],
    ["a date range, the end exclusive", { from: "2025-03-02T10:00:00Z", to: TIE }, ["c1", "f1"]],
    ["a person and an action together", { actorUserId: "BEN", action: "run." }, ["r5", "r4", "r3", "r2", "r1"]],
  ])("filters by %s", async (_name, filters, expected) => {
    // The table is built before the users exist: ANA and BEN stand for their ids.
    const actorUserId = filters.actorUserId && { ANA: ana, BEN: ben }[filters.actorUserId];
    expect(targets((await list({ ...filters, actorUserId })).entries)).toEqual(expected);
  });

  it("pages with a keyset cursor through rows written in the same microsecond: none twice, none skipped", async () => {
    const all = targets((await list()).entries);
    const seen: (string | null)[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAudit({ db: database.db, workspaceId, cursor, limit: 2 });
      seen.push(...targets(page.entries));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(pages).toBe(5);
  });

  it("refuses a cursor it did not hand out", async () => {
    await expect(
      listAudit({ db: database.db, workspaceId, cursor: "2025-03-01'; drop table audit_log" }),
    ).rejects.toThrow(InvalidAuditCursorError);
  });

  it("offers only the actions, target types and people seen in the workspace", async () => {
    expect(await listAuditFilterOptions({ db: database.db, workspaceId })).toEqual({
      actions: ["connection.created", "flow.created", "flow.paused", "flow.published", "run.retried"],
      targetTypes: ["connection", "flow", "run"],
      actors: [
        { userId: ana, email: "ana@roe.test", name: "" },
        { userId: ben, email: "ben@roe.test", name: "" },
      ],
    });
  });

  it("names flow and user targets, and leaves unknown ones unnamed", async () => {
    const clinic = (await createWorkspace({ db: database.db, name: "Clinic" })).id;
    const flow = await createFlow({ db: database.db, workspaceId: clinic, name: "Bookings", actorUserId: null });
    const user = await createUser({
      db: database.db,
      workspaceId: clinic,
      email: "dana@clinic.test",
      password: "password-1",
      role: "viewer",
    });
    await insertAudit(clinic, null, "flow.paused", "flow", "not-a-uuid", "2020-01-01T00:00:00Z");
    const { entries } = await listAudit({ db: database.db, workspaceId: clinic });
    expect(entries.map((entry) => [entry.action, entry.targetId, entry.targetLabel])).toEqual([
      ["user.created", user.id, "dana@clinic.test"],
      ["flow.created", flow.id, "Bookings"],
      ["flow.paused", "not-a-uuid", null],
    ]);
  });
});
