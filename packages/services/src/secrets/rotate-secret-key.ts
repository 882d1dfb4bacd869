import type { SecretBox } from "@handoff/auth";
import { type Database, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";

export interface RotateSecretKeyOptions {
  db: Database;
  /** The key everything is sealed with now. */
  from: SecretBox;
  to: SecretBox;
  actorUserId?: string | null;
}

/** Every column that holds a sealed secret, with its table's key column. */
const SEALED_COLUMNS = [
  { table: "connections", key: "id", column: "credentials_encrypted" },
  { table: "flows", key: "id", column: "hook_secret_sealed" },
  { table: "trigger_subscriptions", key: "flow_id", column: "signing_secret_sealed" },
] as const;

/**
 * `handoff rotate-key`: re-seals every stored secret under a new key in one transaction — all or
 * nothing, so a failure half-way leaves every secret readable with the old key. Rows are locked
 * while they are rewritten, so a connection refreshed meanwhile is not lost.
 */
export async function rotateSecretKey({ db, from, to, actorUserId = null }: RotateSecretKeyOptions) {
  if (from.keyId === to.keyId) throw new Error("The new key is the key already in use");
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const { table, key, column } of SEALED_COLUMNS) {
      const rows = await tx.execute<{ id: string; sealed: string }>(
        sql`select ${sql.identifier(key)} as id, ${sql.identifier(column)} as sealed
              from ${sql.identifier(table)} where ${sql.identifier(column)} is not null for update`,
      );
      for (const row of rows.rows) {
        const resealed = to.seal(from.open(row.sealed));
        await tx.execute(
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${resealed}
               where ${sql.identifier(key)} = ${row.id}`,
        );
      }
      counts[`${table}.${column}`] = rows.rows.length;
    }
    await recordAudit({
      db: tx,
      workspaceId: null,
      actorUserId,
      action: "secrets.key_rotated",
      targetType: "installation",
      before: { keyId: from.keyId },
      after: { keyId: to.keyId, resealed: counts },
    });
    return { fromKeyId: from.keyId, toKeyId: to.keyId, resealed: counts };
  });
}
