import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { createConnection } from "./create-connection";
import { ConnectionInputError, ConnectionNotFoundError } from "./errors";
import { replaceConnectionCredentials } from "./replace-connection-credentials";
import { resolveConnection } from "./resolve-connection";

const secretBox = createSecretBox(Buffer.alloc(32, 6).toString("base64"));

describe("replaceConnectionCredentials", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let actorUserId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
    actorUserId = (
      await createUser({ db: database.db, workspaceId, email: "om@salon.test", password: "password-1", role: "editor" })
    ).id;
  });
  afterAll(() => database.destroy());

  const stored = async (id: string) =>
    (await database.pool.query("select * from connections where id = $1", [id])).rows[0];
  const replace = (connectionId: string, credentials: Record<string, string>) =>
    replaceConnectionCredentials({ db: database.db, secretBox, workspaceId, connectionId, credentials, actorUserId });

  it("re-seals, updates the hint, resets the status, and audits hints only", async () => {
    const { id } = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId,
      provider: "stripe",
      name: "Stripe live",
      environment: "live",
      credentials: { token: "sk_live_oldvalue_1111" },
    });
    await database.pool.query(
      "update connections set status = 'reconnect_needed', updated_at = now() - interval '1 day' where id = $1",
      [id],
    );
    const before = await stored(id);

    expect(await replace(id, { token: "sk_live_newvalue_2222" })).toEqual({ id, credentialsHint: "••••2222" });

    const after = await stored(id);
    expect(after).toMatchObject({ credentials_hint: "••••2222", status: "ok" });
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect(after.credentials_encrypted).not.toBe(before.credentials_encrypted);
    const connection = await resolveConnection({ db: database.db, secretBox, workspaceId, connectionId: id });
    expect(await connection.authHeaders()).toEqual({ authorization: "Bearer sk_live_newvalue_2222" });

    const audit = await database.pool.query(
      "select actor_user_id, before, after, before::text || after::text as text from audit_log where action = 'connection.rotated' and target_id = $1",
      [id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_user_id: actorUserId,
      before: { credentialsHint: "••••1111", status: "reconnect_needed" },
      after: { credentialsHint: "••••2222", status: "ok" },
    });
    expect(audit.rows[0].text).not.toMatch(/oldvalue|newvalue/);
  });

  it("keeps the connector's extra fields when the same kind of credential is replaced", async () => {
    const { id } = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId,
      provider: "hubspot",
      name: "HubSpot",
      environment: "test",
      credentials: { token: "pat-old-33333333", developerApiKey: "dev-key-1", appId: "42" },
    });
    await replace(id, { token: "pat-new-44444444" });
    expect(JSON.parse(secretBox.open((await stored(id)).credentials_encrypted))).toEqual({
      token: "pat-new-44444444",
      developerApiKey: "dev-key-1",
      appId: "42",
    });
  });

  it("refuses credentials that do not fit, naming the field, and changes nothing", async () => {
    const { id } = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId,
      provider: "email",
      name: "Mail",
      environment: "test",
      credentials: { username: "mailer", password: "mail-pass-5555" },
    });
    const before = await stored(id);
    const error = await replace(id, { username: "  ", password: "x" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionInputError);
    expect((error as ConnectionInputError).field).toBe("credentials.username");
    expect(await stored(id)).toEqual(before);
  });

  it("does not find another workspace's connection", async () => {
    const other = (await createWorkspace({ db: database.db, name: "Other" })).id;
    const { id } = await createConnection({
      db: database.db,
      secretBox,
      workspaceId: other,
      actorUserId: null,
      provider: "stripe",
      name: "Theirs",
      environment: "live",
      credentials: { token: "sk_live_theirs_6666" },
    });
    await expect(replace(id, { token: "sk_live_mine_77777" })).rejects.toBeInstanceOf(ConnectionNotFoundError);
    expect((await stored(id)).credentials_hint).toBe("••••6666");
  });
});
