import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { createWorkspace } from "../workspaces/create-workspace";
import { checkSecretKey } from "./check-secret-key";

describe("checkSecretKey", () => {
  let database: TestDatabase;
  const right = createSecretBox(Buffer.alloc(32, 8).toString("base64"));
  const wrong = createSecretBox(Buffer.alloc(32, 9).toString("base64"));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.destroy());

  it("accepts any key while nothing is sealed, then only the key that sealed the credentials", async () => {
    await expect(checkSecretKey(database.db, wrong)).resolves.toBeUndefined();
    const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon" });
    await createConnection({
      db: database.db,
      secretBox: right,
      workspaceId,
      actorUserId: null,
      provider: "calcom",
      name: "Cal.com",
      environment: "test",
      credentials: { token: "cal_test_123456789" },
    });
    await expect(checkSecretKey(database.db, right)).resolves.toBeUndefined();
    await expect(checkSecretKey(database.db, wrong)).rejects.toThrow(
      new RegExp(
        `key ${wrong.keyId}\\) is not the key the saved credentials were sealed with \\(key ${right.keyId}\\)`,
      ),
    );
  });
});
