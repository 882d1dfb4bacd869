import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

describe("the audit trail is append-only in the database itself", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const sql = database.pool;
    workspaceId = (await sql.query<{ id: string }>("insert into workspaces (name) values ('W') returning id")).rows[0]
      ?.id as string;
    userId = (
      await sql.query<{ id: string }>("insert into users (email, password_hash) values ('a@w.test', 'x') returning id")
    ).rows[0]?.id as string;
  });
  afterAll(() => database.destroy());

  async function appendRow(after: object = { email: "jane@roe.test" }) {
    const { rows } = await database.pool.query<{ id: number }>(
      `insert into audit_log (workspace_id, actor_user_id, action, target_type, target_id, after)
       values ($1, $2, 'flow.published', 'flow', 'f1', $3) returning id`,
      [workspaceId, userId, JSON.stringify(after)],
    );
    return rows[0]?.id as number;
  }

  it("refuses an UPDATE or a DELETE of a row", async () => {
    const id = await appendRow();
    await expect(database.pool.query("update audit_log set action = 'x' where id = $1", [id])).rejects.toThrow(
      "audit_log is append-only: UPDATE refused",
    );
    await expect(database.pool.query("delete from audit_log where id = $1", [id])).rejects.toThrow(
      "audit_log is append-only: DELETE refused",
    );
  });

  it("refuses TRUNCATE", async () => {
    await expect(database.pool.query("truncate audit_log")).rejects.toThrow(
      "audit_log is append-only: TRUNCATE refused",
    );
  });

  it("lets a customer erasure redact before/after, and nothing else", async () => {
    const id = await appendRow();
    const client = await database.pool.connect();
    try {
      await client.query("begin");
      await client.query("set local handoff.audit_redaction = 'on'");
      await client.query(`update audit_log set after = '{"redacted": true}' where id = $1`, [id]);
      await expect(client.query("update audit_log set action = 'x' where id = $1", [id])).rejects.toThrow(
        "append-only",
      );
      await client.query("rollback");
      await client.query("begin");
      await client.query("set local handoff.audit_redaction = 'on'");
      await client.query(`update audit_log set after = '{"redacted": true}' where id = $1`, [id]);
      await client.query("commit");
    } finally {
      client.release();
    }
    const { rows } = await database.pool.query("select after from audit_log where id = $1", [id]);
    expect(rows[0]?.after).toEqual({ redacted: true });
    // Outside such a transaction the same redaction is refused.
    await expect(database.pool.query(`update audit_log set after = '{}' where id = $1`, [id])).rejects.toThrow(
      "append-only",
    );
  });

  it("still lets Postgres null the actor of a deleted user and cascade a deleted workspace", async () => {
    const id = await appendRow();
    await database.pool.query("delete from users where id = $1", [userId]);
    const { rows } = await database.pool.query("select actor_user_id from audit_log where id = $1", [id]);
    expect(rows[0]?.actor_user_id).toBeNull();
    await database.pool.query("delete from workspaces where id = $1", [workspaceId]);
    const left = await database.pool.query("select count(*)::int as n from audit_log where workspace_id = $1", [
      workspaceId,
    ]);
    expect(left.rows[0]?.n).toBe(0);
  });
});
