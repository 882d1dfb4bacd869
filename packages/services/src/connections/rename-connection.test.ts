import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { createConnection } from "./create-connection";
import { ConnectionInputError, ConnectionNotFoundError } from "./errors";
import { renameConnection } from "./rename-connection";

const secretBox = createSecretBox(Buffer.alloc(32, 7).toString("base64"));

describe("renameConnection", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let connectionId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
    connectionId = (
      await createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider: "calcom",
        name: "Cal.com",
        environment: "live",
        credentials: { token: "cal_live_rename_8888" },
      })
    ).id;
  });
  afterAll(() => database.destroy());

  const rename = (name: string, id = connectionId) =>
    renameConnection({ db: database.db, workspaceId, connectionId: id, name, actorUserId: null });
  const audits = async () =>
    (
      await database.pool.query(
        "select before, after from audit_log where action = 'connection.renamed' and target_id = $1 order by id",
        [connectionId],
      )
    ).rows;

  it("renames (trimmed) and audits the old and new name", async () => {
    expect(await rename("  Cal.com (salon)  ")).toEqual({ id: connectionId, name: "Cal.com (salon)" });
    const { rows } = await database.pool.query("select name from connections where id = $1", [connectionId]);
    expect(rows[0].name).toBe("Cal.com (salon)");
    expect(await audits()).toEqual([{ before: { name: "Cal.com" }, after: { name: "Cal.com (salon)" } }]);
  });

  it("records nothing when the name does not change", async () => {
    await rename("Cal.com (salon)");
    expect(await audits()).toHaveLength(1);
  });

  it("refuses an empty or overlong name, and an unknown connection", async () => {
    await expect(rename("   ")).rejects.toBeInstanceOf(ConnectionInputError);
    await expect(rename("x".repeat(121))).rejects.toThrow(/under 120 characters/);
    await expect(rename("Other", "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(
      ConnectionNotFoundError,
    );
  });
});
