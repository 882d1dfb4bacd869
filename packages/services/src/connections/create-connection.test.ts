import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { createConnection } from "./create-connection";
import { ConnectionInputError } from "./errors";

const secretBox = createSecretBox(Buffer.alloc(32, 5).toString("base64"));

describe("createConnection", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
  });
  afterAll(() => database.destroy());

  const create = (overrides: Partial<Parameters<typeof createConnection>[0]> = {}) =>
    createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "stripe",
      name: "Stripe test",
      environment: "test",
      credentials: { token: "sk_test_create_0001" },
      ...overrides,
    });
  const count = async (table: string) =>
    Number((await database.pool.query(`select count(*) as n from ${table}`)).rows[0].n);

  it("stores the credentials sealed, with a hint, and an audit row without them", async () => {
    const { id } = await create({ name: "  Stripe test  ", baseUrl: " http://127.0.0.1:3100/stripe " });
    const { rows } = await database.pool.query("select * from connections where id = $1", [id]);
    expect(rows[0]).toMatchObject({
      name: "Stripe test",
      credentials_hint: "••••0001",
      base_url: "http://127.0.0.1:3100/stripe",
    });
    expect(JSON.parse(secretBox.open(rows[0].credentials_encrypted))).toEqual({ token: "sk_test_create_0001" });
    const audit = await database.pool.query("select action, after from audit_log where target_id = $1", [id]);
    expect(audit.rows).toEqual([
      {
        action: "connection.created",
        after: {
          provider: "stripe",
          name: "Stripe test",
          environment: "test",
          baseUrl: "http://127.0.0.1:3100/stripe",
        },
      },
    ]);
  });

  it("names the field of bad input and stores nothing", async () => {
    const before = await count("connections");
    const problem = async (overrides: Partial<Parameters<typeof createConnection>[0]>) => {
      const error = await create(overrides).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectionInputError);
      return { field: (error as ConnectionInputError).field, message: (error as ConnectionInputError).message };
    };
    expect(await problem({ provider: "nope" })).toEqual({ field: "provider", message: 'There is no "nope" connector' });
    expect(await problem({ provider: "core" })).toMatchObject({ field: "provider" });
    expect(await problem({ name: "   " })).toEqual({ field: "name", message: "Give the connection a name" });
    expect(await problem({ credentials: { token: "   " } })).toEqual({
      field: "credentials.token",
      message: "Token is required",
    });
    expect(await problem({ provider: "email", credentials: { password: "pw-123456" } })).toEqual({
      field: "credentials.username",
      message: "Username is required",
    });
    // HubSpot takes a token or OAuth tokens: the form most filled in is the one explained.
    expect(
      await problem({ provider: "hubspot", credentials: { clientId: "app", clientSecret: "s", accessToken: "a" } }),
    ).toEqual({ field: "credentials.refreshToken", message: "Refresh token is required" });
    expect(
      await problem({
        provider: "hubspot",
        credentials: { clientId: "app", clientSecret: "s", accessToken: "a", refreshToken: "r", expiresAt: "soon" },
      }),
    ).toMatchObject({ field: "credentials.expiresAt", message: expect.stringMatching(/^Token expires at: /) });
    expect(await problem({ baseUrl: "not a url" })).toEqual({
      field: "baseUrl",
      message: "The API address must be a full URL",
    });
    expect(await count("connections")).toBe(before);
  });

  it("inserts the connection and its audit row in one transaction: no audit, no connection", async () => {
    await database.pool.query(`
      create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit is down'; end $$;
      create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit();`);
    const before = await count("connections");
    const error = await create({ name: "Not recorded" }).catch((caught: unknown) => caught);
    expect(String((error as Error).cause)).toMatch(/audit is down/);
    expect(await count("connections")).toBe(before);
    await database.pool.query("drop trigger refuse_audit on audit_log; drop function refuse_audit();");
  });
});
