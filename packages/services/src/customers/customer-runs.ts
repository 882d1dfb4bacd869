import { type SQL, sql } from "@handoff/db";
import { toTextArray } from "../ingest/enqueue-run";
import type { CustomerExecutor, CustomerSubject } from "./find-customer";

/**
 * The runs that mention a person: any business key in common (`&&`), which the GIN index on
 * `business_keys` answers without scanning the history. A subquery of run ids, so the export,
 * the count and every statement of an erasure select exactly the same runs.
 *
 * Link external ids are keys too (a HubSpot contact id, a Stripe customer id): runs of
 * triggers that carry no email, such as HubSpot webhooks, are found through them.
 */
export function runsMentioning(subject: Pick<CustomerSubject, "workspaceId" | "businessKeys">): SQL {
  return sql`select id from flow_runs
              where workspace_id = ${subject.workspaceId}
                and business_keys && ${toTextArray(subject.businessKeys)}::text[]`;
}

export async function countRunsMentioning(db: CustomerExecutor, subject: CustomerSubject): Promise<number> {
  const found = await db.execute<{ runs: number }>(
    sql`select count(*)::int as runs from (${runsMentioning(subject)}) r`,
  );
  return found.rows[0]?.runs ?? 0;
}
