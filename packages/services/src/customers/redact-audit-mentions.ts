import { sql } from "@handoff/db";
import type { CustomerExecutor, CustomerSubject } from "./find-customer";
import { redactionMarker } from "./redact-customer-runs";

/**
 * The audit trail is append-only, but some of its rows carry a person's data in before/after (a
 * replay whose edited payload held their email, an export of someone only known by email).
 * Erasure blanks those before/after values — who did what and when stays — inside the one kind
 * of transaction the database lets do it (see migration 0009).
 */
export async function redactAuditMentions(db: CustomerExecutor, subject: CustomerSubject, at: Date): Promise<number> {
  const needles = [subject.email, subject.phone, subject.phone?.replace(/^\+/, "")].filter((value): value is string =>
    Boolean(value && value.length >= 5),
  );
  if (needles.length === 0) return 0;
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const anyPattern = sql`array[${sql.join(
    patterns.map((pattern) => sql`${pattern}`),
    sql`, `,
  )}]::text[]`;
  const mentions = (column: string) => sql`${sql.identifier(column)}::text ilike any(${anyPattern})`;
  await db.execute(sql`set local handoff.audit_redaction = 'on'`);
  const marker = sql`${JSON.stringify(redactionMarker(at))}::jsonb`;
  const updated = await db.execute(sql`
    update audit_log
       set before = case when ${mentions("before")} then ${marker} else before end,
           after = case when ${mentions("after")} then ${marker} else after end
     where workspace_id = ${subject.workspaceId} and (${mentions("before")} or ${mentions("after")})`);
  await db.execute(sql`set local handoff.audit_redaction = 'off'`);
  return updated.rowCount ?? 0;
}
