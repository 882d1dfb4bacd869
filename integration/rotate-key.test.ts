import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createConnection, createWorkspace } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, TEST_SECRET_KEY } from "./support/processes";

describe("handoff rotate-key", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon" });
    await createConnection({
      db: database.db,
      secretBox: createSecretBox(TEST_SECRET_KEY),
      workspaceId,
      actorUserId: null,
      provider: "calcom",
      name: "Cal.com",
      environment: "live",
      credentials: { token: "cal_live_secret_token_1234" },
    });
  });
  afterAll(() => database.destroy());

  it("re-seals the credentials under the new key it prints once, and audits it without the key", async () => {
    const rotated = await runCli(["rotate-key"], database.url);
    expect(rotated.code).toBe(0);
    const newKey = /New key \(shown once\): (\S+)/.exec(rotated.stderr)?.[1] ?? "";
    const { rows } = await database.pool.query<{ sealed: string }>(
      "select credentials_encrypted as sealed from connections",
    );
    expect(JSON.parse(createSecretBox(newKey).open(rows[0]?.sealed ?? ""))).toEqual({
      token: "cal_live_secret_token_1234",
    });
    expect(() => createSecretBox(TEST_SECRET_KEY).open(rows[0]?.sealed ?? "")).toThrow();
    const audit = await database.pool.query<{ row: string }>(
      "select row_to_json(a)::text as row from audit_log a where action = 'secrets.key_rotated'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.row).not.toContain(newKey);
    expect(audit.rows[0]?.row).not.toContain("cal_live_secret_token_1234");

    const wrongOld = await runCli(["rotate-key"], database.url);
    expect(wrongOld.code).not.toBe(0);
    expect(wrongOld.stderr).toMatch(/sealed with key/);
  });
});
