import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { createFlow } from "../flows/create-flow";
import { setHookSecret } from "../flows/set-hook-secret";
import { createWorkspace } from "../workspaces/create-workspace";
import { rotateSecretKey } from "./rotate-secret-key";

const oldBox = createSecretBox(Buffer.alloc(32, 1).toString("base64"));
const newBox = createSecretBox(Buffer.alloc(32, 2).toString("base64"));

describe("rotateSecretKey", () => {
  let database: TestDatabase;
  let flowId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon" });
    await createConnection({
      db: database.db,
      secretBox: oldBox,
      workspaceId,
      actorUserId: null,
      provider: "stripe",
      name: "Stripe live",
      environment: "live",
      credentials: { token: "sk_live_0123456789abcdef" },
    });
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Hooked", actorUserId: null })).id;
    await setHookSecret({ db: database.db, secretBox: oldBox, flowId, secret: "hook-secret-123", actorUserId: null });
  });
  afterAll(() => database.destroy());

  const sealed = async () =>
    (
      await database.pool.query<{ credentials: string; hook: string }>(
        `select (select credentials_encrypted from connections limit 1) as credentials,
                (select hook_secret_sealed from flows where id = $1) as hook`,
        [flowId],
      )
    ).rows[0];

  it("re-seals every credential and hook secret under the new key, readable only with it", async () => {
    const result = await rotateSecretKey({ db: database.db, from: oldBox, to: newBox });
    expect(result.resealed).toMatchObject({ "connections.credentials_encrypted": 1, "flows.hook_secret_sealed": 1 });
    const after = await sealed();
    expect(JSON.parse(newBox.open(after?.credentials ?? ""))).toEqual({ token: "sk_live_0123456789abcdef" });
    expect(newBox.open(after?.hook ?? "")).toBe("hook-secret-123");
    expect(() => oldBox.open(after?.credentials ?? "")).toThrow(/sealed with key/);
  });

  it("changes nothing when a value cannot be opened with the key given as the old one", async () => {
    const before = await sealed();
    await expect(rotateSecretKey({ db: database.db, from: oldBox, to: newBox })).rejects.toThrow(/sealed with key/);
    expect(await sealed()).toEqual(before);
  });
});
