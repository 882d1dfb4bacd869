import { type Database, sql } from "@handoff/db";
import type { AuditEntry } from "./list-audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names what each entry is about (a flow's or connection's name, a user's email) with one query per
 * page, not a join per row. Targets deleted since keep a null label; the audit row still has the id.
 */
export async function labelAuditTargets({
  db,
  workspaceId,
  entries,
}: {
  db: Database;
  workspaceId: string;
  entries: AuditEntry[];
}): Promise<AuditEntry[]> {
  const idsOf = (type: string) => [
    ...new Set(
      entries.flatMap((entry) =>
        entry.targetType === type && entry.targetId && UUID.test(entry.targetId) ? [entry.targetId] : [],
      ),
    ),
  ];
  const [flows, connections, users] = [idsOf("flow"), idsOf("connection"), idsOf("user")];
  if (flows.length + connections.length + users.length === 0) return entries;
  const found = await db.execute<{ target_type: string; id: string; label: string }>(sql`
    select 'flow' as target_type, id::text as id, name as label
      from flows where workspace_id = ${workspaceId} and id = any(${toUuidArray(flows)}::uuid[])
    union all
    select 'connection', id::text, name
      from connections where workspace_id = ${workspaceId} and id = any(${toUuidArray(connections)}::uuid[])
    union all
    select 'user', id::text, email
      from users where id = any(${toUuidArray(users)}::uuid[])`);
  const labels = new Map(found.rows.map((row) => [`${row.target_type}:${row.id}`, row.label]));
  return entries.map((entry) => ({
    ...entry,
    targetLabel: labels.get(`${entry.targetType}:${entry.targetId?.toLowerCase()}`) ?? null,
  }));
}

/** A Postgres array literal of ids already checked to be UUIDs, so nothing needs quoting. */
function toUuidArray(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}
