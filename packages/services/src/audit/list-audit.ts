import { type Database, sql } from "@handoff/db";
import { type AuditCursor, decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { type AuditFilters, splitActionFilter } from "./audit-filters";
import { labelAuditTargets } from "./label-audit-targets";

export const AUDIT_PAGE_MAX = 1_000;

export interface ListAuditOptions {
  db: Database;
  workspaceId: string;
  filters?: AuditFilters;
  /** `nextCursor` of the previous page; the first page when omitted. */
  cursor?: string;
  limit?: number;
  /** Look up flow and connection names and user emails for the page's targets (the page shows them; CSV does not). */
  withTargetLabels?: boolean;
}

export interface AuditEntry {
  id: string;
  createdAt: string;
  actorUserId: string | null;
  /** Null for the CLI and the system, or when the person's account was deleted. */
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** A flow's or connection's name, a user's email; null when unknown or gone. */
  targetLabel: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

type AuditRow = {
  id: string;
  created_at: string | Date;
  cursor_at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
};

/** One workspace's audit trail, newest first, in keyset pages on (created_at desc, id desc). */
export async function listAudit({
  db,
  workspaceId,
  filters = {},
  cursor,
  limit = 50,
  withTargetLabels = true,
}: ListAuditOptions): Promise<AuditPage> {
  const pageSize = Math.max(1, Math.min(Math.trunc(limit), AUDIT_PAGE_MAX));
  const after = cursor === undefined ? null : decodeAuditCursor(cursor);
  // One row more than asked tells whether another page exists without a count.
  const result = await db.execute<AuditRow>(listAuditQuery(workspaceId, filters, after, pageSize + 1));
  const rows = result.rows.slice(0, pageSize);
  const last = rows.at(-1);
  const entries = rows.map(toEntry);
  return {
    entries: withTargetLabels ? await labelAuditTargets({ db, workspaceId, entries }) : entries,
    nextCursor:
      result.rows.length > pageSize && last ? encodeAuditCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetLabel: null,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
}

/** Every filter is "unset or matches", so one statement serves every combination. */
function listAuditQuery(workspaceId: string, filters: AuditFilters, after: AuditCursor | null, limit: number) {
  const action = splitActionFilter(filters.action);
  return sql`
    select a.id::text as id, a.created_at,
           to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
           a.actor_user_id, u.email as actor_email, a.action, a.target_type, a.target_id, a.reason, a.before, a.after
      from audit_log a
      left join users u on u.id = a.actor_user_id
     where a.workspace_id = ${workspaceId}
       and (${action.exact}::text is null or a.action = ${action.exact}::text)
       and (${action.prefix}::text is null or starts_with(a.action, ${action.prefix}::text))
       and (${filters.actorUserId ?? null}::uuid is null or a.actor_user_id = ${filters.actorUserId ?? null}::uuid)
       and (${filters.targetType ?? null}::text is null or a.target_type = ${filters.targetType ?? null}::text)
       and (${filters.targetId ?? null}::text is null or a.target_id = ${filters.targetId ?? null}::text)
       and (${filters.from ?? null}::timestamptz is null or a.created_at >= ${filters.from ?? null}::timestamptz)
       and (${filters.to ?? null}::timestamptz is null or a.created_at < ${filters.to ?? null}::timestamptz)
       and (${after?.createdAt ?? null}::timestamptz is null
            or (a.created_at, a.id) < (${after?.createdAt ?? null}::timestamptz, ${after?.id ?? null}::bigint))
     order by a.created_at desc, a.id desc
     limit ${limit}`;
}
