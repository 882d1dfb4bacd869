import { type Database, schema } from "@handoff/db";

type Executor = Pick<Database, "insert">;

export interface RecordAuditOptions {
  /** The transaction the change is made in, so the change and its audit row commit together. */
  db: Executor;
  workspaceId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends one row to the audit trail. Callers pass before/after without secrets. */
export async function recordAudit({
  db,
  before = null,
  after = null,
  reason = null,
  targetId = null,
  ...row
}: RecordAuditOptions) {
  await db.insert(schema.auditLog).values({ ...row, targetId, before, after, reason });
}
