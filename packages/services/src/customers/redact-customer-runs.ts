import { sql } from "@handoff/db";
import { runsMentioning } from "./customer-runs";
import type { CustomerExecutor, CustomerSubject } from "./find-customer";

export const ERASED_SUMMARY = "[erased]";

/** What replaces every payload, input, output and error of an erased run. */
export function redactionMarker(at: Date) {
  return { redacted: true, reason: "customer erased", at: at.toISOString() };
}

/**
 * Blanks the personal data of every run that mentions the person, keeping the rows themselves
 * (ids, statuses, timings, flow and version) so run counts, failure rates and sync lag stay true.
 * A null column stays null: replacing it would invent an error or an output that never was.
 * Runs are selected by their business keys, so they are redacted last: clearing the keys is
 * what makes them unfindable.
 */
export async function redactCustomerRuns(db: CustomerExecutor, subject: CustomerSubject, at: Date) {
  const marker = sql`${JSON.stringify(redactionMarker(at))}::jsonb`;
  const redacted = (column: string) => sql`case when ${sql.identifier(column)} is null then null else ${marker} end`;
  const runIds = runsMentioning(subject);

  const steps = await db.execute(sql`
    update step_runs
       set input = ${redacted("input")}, output = ${redacted("output")}, error = ${redacted("error")}
     where run_id in (${runIds})`);
  const triggerEvents = await db.execute(sql`
    update trigger_events
       set payload = ${redacted("payload")}, headers = ${redacted("headers")}
     where workspace_id = ${subject.workspaceId}
       and id in (select trigger_event_id from flow_runs where id in (${runIds}))`);
  const runs = await db.execute(sql`
    update flow_runs
       set trigger_summary = ${ERASED_SUMMARY}, business_keys = '{}'::text[], error = ${redacted("error")}
     where id in (${runIds})`);
  return { runs: runs.rowCount ?? 0, steps: steps.rowCount ?? 0, triggerEvents: triggerEvents.rowCount ?? 0 };
}
