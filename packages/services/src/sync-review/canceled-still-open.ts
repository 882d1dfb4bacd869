import { sql } from "@handoff/db";
import type { ReviewQueryOptions } from "./failed-syncs";
import { type CanceledStillOpen, REVIEW_LIST_LIMIT, type ReviewList, runUrl } from "./sync-review-types";

/**
 * Canceled appointments whose invoice is still open. The rule, in the terms the runs record:
 *
 * 1. A cancellation is a live run created in the period whose trigger event says
 *    `lifecycle: "canceled"` and carries `booking.uid` (every scheduler trigger emits the neutral
 *    booking context). One item per booking: its latest cancellation run.
 * 2. The booking's invoices are found through the runs that mention its uid in `business_keys`
 *    (GIN index): booking runs carry the uid, and invoice events carry it too, because
 *    create-draft-invoice stores the uid as the invoice's dedupe key.
 * 3. Each of those runs tells something about an invoice: a succeeded step whose output has an
 *    `invoiceId` (create-draft-invoice, finalize, void, mark paid, …) gives its state then; an
 *    invoice event (Stripe paid, voided, …) gives its state when it happened at the source.
 * 4. An invoice is closed when its latest fact says paid or void — a step output with status
 *    `paid`/`void` or a void outcome (`voided`, `deleted` for drafts, `already_void`), or an event
 *    of lifecycle paid, voided or refunded. Any other latest state (draft, open, overdue,
 *    partially paid) is still open, and the booking is listed once per such invoice.
 *
 * Invoices touched only by runs that no longer exist (pruned by retention) are not seen.
 */
export async function listCanceledStillOpen({
  db,
  workspaceId,
  period,
  publicUrl,
  limit = REVIEW_LIST_LIMIT,
}: ReviewQueryOptions): Promise<ReviewList<CanceledStillOpen>> {
  const result = await db.execute<{
    booking_uid: string;
    run_id: string;
    flow_id: string;
    flow_name: string;
    trigger_summary: string;
    created_at: string;
    invoice_id: string;
    invoice_number: string | null;
    invoice_status: string | null;
    invoice_run_id: string;
    total: number;
  }>(canceledStillOpenQuery({ workspaceId, period, limit }));
  return {
    total: result.rows[0]?.total ?? 0,
    items: result.rows.map((row) => ({
      bookingUid: row.booking_uid,
      runId: row.run_id,
      flowId: row.flow_id,
      flowName: row.flow_name,
      summary: row.trigger_summary,
      canceledAt: new Date(row.created_at).toISOString(),
      invoiceId: row.invoice_id,
      invoiceNumber: row.invoice_number,
      invoiceStatus: row.invoice_status,
      invoiceRunId: row.invoice_run_id,
      url: runUrl(publicUrl, row.run_id),
    })),
  };
}

/** The SQL, kept apart so a test can EXPLAIN exactly what is sent. */
export function canceledStillOpenQuery({
  workspaceId,
  period,
  limit = REVIEW_LIST_LIMIT,
}: Pick<ReviewQueryOptions, "workspaceId" | "period" | "limit">) {
  return sql`
    with period_runs as materialized (
      -- The period's runs first, through (workspace, created_at): everything below starts here.
      select r.id, r.flow_id, r.trigger_event_id, r.trigger_summary, r.created_at
        from flow_runs r
       where r.workspace_id = ${workspaceId}
         and not r.is_test
         and r.created_at >= ${period.start.toISOString()}::timestamptz
         and r.created_at < ${period.end.toISOString()}::timestamptz
    ),
    cancels as (
      select distinct on (canceled.booking_uid)
             canceled.booking_uid, r.id as run_id, r.flow_id, r.trigger_summary, r.created_at
        from period_runs r
        -- One payload per run, by primary key (LIMIT keeps it a lookup): payloads are large and
        -- stored out of line, so reading only the period's is what keeps this cheap.
        cross join lateral (
          select e.payload->'booking'->>'uid' as booking_uid
            from trigger_events e
           where e.id = r.trigger_event_id
             and e.payload->>'lifecycle' = 'canceled'
             and jsonb_typeof(e.payload->'booking'->'uid') = 'string'
           limit 1
        ) canceled
       order by canceled.booking_uid, r.created_at desc
    ),
    mentions as (
      select c.booking_uid, m.id as run_id, m.created_at, m.source_event_at, m.trigger_event_id
        from cancels c
        join flow_runs m on m.workspace_id = ${workspaceId} and not m.is_test
                        and m.business_keys @> array[c.booking_uid]
    ),
    facts as (
      select mn.booking_uid, s.output->>'invoiceId' as invoice_id, s.output->>'number' as invoice_number,
             s.output->>'status' as invoice_status,
             coalesce(s.output->>'status' in ('paid', 'void'), false)
               or coalesce(s.output->>'outcome' in ('voided', 'deleted', 'already_void'), false) as closed,
             coalesce(s.finished_at, s.started_at) as at, mn.run_id
        from mentions mn
        join step_runs s on s.run_id = mn.run_id
       where s.status = 'succeeded' and jsonb_typeof(s.output->'invoiceId') = 'string'
      union all
      select mn.booking_uid, e.payload->'invoice'->>'id', e.payload->'invoice'->>'number',
             e.payload->'invoice'->>'status',
             coalesce(e.payload->>'lifecycle' in ('paid', 'voided', 'refunded'), false),
             coalesce(mn.source_event_at, mn.created_at), mn.run_id
        from mentions mn
        join trigger_events e on e.id = mn.trigger_event_id
       where jsonb_typeof(e.payload->'invoice'->'id') = 'string'
    ),
    latest as (
      select distinct on (booking_uid, invoice_id) booking_uid, invoice_id, invoice_status, closed, run_id,
             max(invoice_number) over (partition by booking_uid, invoice_id) as invoice_number
        from facts
       order by booking_uid, invoice_id, at desc, closed desc
    )
    select c.booking_uid, c.run_id, c.flow_id, f.name as flow_name, c.trigger_summary, c.created_at,
           l.invoice_id, l.invoice_number, l.invoice_status, l.run_id as invoice_run_id,
           count(*) over ()::int as total
      from cancels c
      join latest l on l.booking_uid = c.booking_uid
      join flows f on f.id = c.flow_id
     where not l.closed
     order by c.created_at desc, l.invoice_id
     limit ${limit}`;
}
