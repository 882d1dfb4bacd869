import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { HISTORY_FLOWS, HISTORY_VERSION_AGE_DAYS, HISTORY_VERSIONS_PER_FLOW, type SeededFlow } from "./history-flows";

const STEPS_PER_FLOW = 3;

/** Distinct customers behind the seeded runs; a few book often, most only once or twice. */
export const HISTORY_CUSTOMERS = 100_000;

/** Created-at times are spread over this many days before the seed. */
export const HISTORY_SPAN_DAYS = 180;

/** The front desk's placeholder for walk-ins: one e-mail on about 2% of bookings, a key with many runs. */
export const HISTORY_WALK_IN_EMAIL = "walk-in@front-desk.example";

/** Editor test runs replay the trigger's sample, so they all share its keys. */
export const HISTORY_SAMPLE_EMAIL = "jane.roe@example.com";

const FIRST_NAMES = "Jane Amira Lucas Chloé Noah Léa Hugo Manon Louis Emma Jules Inès Adam Sarah Tom Camille".split(
  " ",
);
const LAST_NAMES =
  "Roe Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Girard".split(" ");

export interface HistoryRunsBatch {
  workspaceId: string;
  flows: readonly SeededFlow[];
  /** Global ordinals of this batch's runs (1-based, inclusive): they number invoices, bookings, deals. */
  firstOrdinal: number;
  lastOrdinal: number;
  /** The whole seeding call the batch belongs to, whose runs share the 180 days oldest first. */
  call: { firstOrdinal: number; count: number; endsAt: Date };
}

/**
 * One INSERT … SELECT of runs and their 2–3 steps. Every attribute is drawn from hashes of the
 * run's ordinal, so seeds are repeatable and flow, status, test/live, customer and step count do
 * not move together: "one flow's failures" or "a customer's test runs" exist as they would.
 */
export async function insertHistoryRuns(db: Pick<Database, "execute">, batch: HistoryRunsBatch): Promise<void> {
  const flowIds = `{${batch.flows.map((flow) => flow.id).join(",")}}`;
  const versionIds = `{${batch.flows.flatMap((flow) => flow.versionIds).join(",")}}`;
  await db.execute(sql`
    with ${drawnRuns(batch)},
    runs_source as materialized (${shapedRuns()}),
    runs as (
      insert into flow_runs (id, workspace_id, flow_id, flow_version_id, status, is_test, trigger_summary,
                             business_keys, attempt, error, created_at, source_event_at, started_at, finished_at)
      select id, ${batch.workspaceId}::uuid, (${flowIds}::uuid[])[kind + 1],
             (${versionIds}::uuid[])[kind * ${HISTORY_VERSIONS_PER_FLOW} + version_number], status, is_test,
             summary, business_keys, case status when 'queued' then 0 when 'needs_attention' then 5 else 1 end,
             run_error, created_at, created_at - make_interval(secs => 0.2 + (h3 % 50) / 10.0),
             case when status <> 'queued' then begun_at end,
             case when status not in ('queued', 'running', 'waiting')
                  then begun_at + make_interval(secs => step_count * 0.45) end
        from runs_source
      returning id
    )
    insert into step_runs (run_id, step_key, node_id, status, input, output, error, attempt, started_at,
                           finished_at, duration_ms)
    ${stepsOfRuns()}`);
}

/** CTEs `hashed` … `keyed`: whom each run is for, which flow and version, when, and how it ended. */
function drawnRuns({ firstOrdinal, lastOrdinal, call }: HistoryRunsBatch) {
  const spanSeconds = HISTORY_SPAN_DAYS * 86_400;
  const [, v2Days, v3Days] = HISTORY_VERSION_AGE_DAYS;
  return sql`hashed as (
      select i,
             (i * 2654435761) % 4294967296 as h,
             (i * 2246822519 + 3266489917) % 4294967296 as h2,
             (i * 374761393 + 668265263) % 4294967296 as h3,
             -- Oldest first, so the table fills in time order as a real one does.
             (${call.count}::bigint - 1 - (i - ${call.firstOrdinal}::bigint)) * ${spanSeconds}::float8
               / ${call.count}::float8 as age_s
        from generate_series(${firstOrdinal}::bigint, ${lastOrdinal}::bigint) as i
    ), drawn as (
      select i, h, h3,
             -- Jitter within a run's share of the span: no two runs at one instant, none in the future.
             age_s + (h3 % 1000) / 1000.0 * ${spanSeconds / call.count}::float8 as age_s,
             case when h % 100 < 40 then 0 when h % 100 < 70 then 1 when h % 100 < 85 then 2 else 3 end as kind,
             (h / 100) % 1000 as status_draw,
             (h / 100000) % 100 < 3 as is_test,
             2 + ((h / 10000000) % 2)::int as step_count,
             -- Skewed: customer 0 has hundreds of runs, the median customer a handful.
             floor(${HISTORY_CUSTOMERS} * power(h2::float8 / 4294967296.0, 1.5))::bigint as k,
             (h3 / 1000) % 50 = 0 as walk_in
        from hashed
    ), people as (
      select d.*,
             ${call.endsAt.toISOString()}::timestamptz - make_interval(secs => age_s) as created_at,
             (${`{${FIRST_NAMES.join(",")}}`}::text[])[1 + k % ${FIRST_NAMES.length}] as first_name,
             (${`{${LAST_NAMES.join(",")}}`}::text[])[1 + (k / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] as last_name,
             case when is_test then 'test' when walk_in and kind in (0, 3) then 'walk_in' else 'customer' end as who
        from drawn d
    ), customers as (
      select p.*,
             case who when 'test' then 'Jane Roe' when 'walk_in' then 'Walk-in client'
                      else first_name || ' ' || last_name end as name,
             case who when 'test' then ${HISTORY_SAMPLE_EMAIL} when 'walk_in' then ${HISTORY_WALK_IN_EMAIL}
                      else translate(lower(first_name || '.' || last_name), 'éèàïç', 'eeaic') || k || '@example.test'
             end as email,
             -- E.164, French mobiles; a third of the customers never gave a phone.
             case who when 'test' then '+33600000000' when 'walk_in' then null
                      else case when k % 3 <> 2 then '+336' || lpad(((k * 7919) % 100000000)::text, 8, '0') end
             end as phone,
             case when is_test then null
                  when age_s < ${v3Days} * 86400 then 3 when age_s < ${v2Days} * 86400 then 2 else 1 end as version_number,
             (case
               when is_test then case when status_draw < 900 then 'succeeded' else 'failed' end
               when status_draw < 900 then 'succeeded'
               when status_draw < 930 then 'failed'
               when status_draw < 955 then 'needs_attention'
               when status_draw < 975 then 'canceled'
               -- Only recent runs can still be waiting, running or queued.
               when status_draw < 985 then case when age_s < 14 * 86400 then 'waiting' else 'succeeded' end
               when age_s >= 2 * 86400 then 'succeeded'
               when status_draw < 993 then 'running'
               else 'queued'
             end)::run_status as status
        from people p
    ), keyed as (
      select c.*,
             case when is_test then 'sample-booking-uid' else substr(md5('booking' || i), 1, 22) end as booking_uid,
             case when is_test then 'INV-SAMPLE' else 'INV-' || lpad(i::text, 7, '0') end as invoice_number,
             case when is_test then 'in_sample' else 'in_' || substr(md5('invoice' || i), 1, 24) end as invoice_id,
             case when is_test then 'cus_sample' else 'cus_' || substr(md5('customer' || k), 1, 14) end as customer_id,
             case when is_test then '12345678901' else (40000000000 + i)::text end as deal_id,
             1500 + (h3 % 200) * 50 as amount_minor
        from customers c
    )`;
}

/** The rows of `keyed` as the run list shows them: id, business keys, summary, error. */
function shapedRuns() {
  const bookedFor = sql`to_char(date_trunc('hour', (created_at + make_interval(hours => 2 + (h3 % 336)::int))
                          at time zone 'Europe/Paris'), 'Dy HH24:MI') || ' Europe/Paris'`;
  return sql`
      -- Time-ordered ids (a UUIDv7-like layout): the primary key and the steps' (run_id, step_key)
      -- index fill at their right edge, which keeps a million-run load in minutes. No history
      -- query walks either index in id order.
      select overlay(overlay(md5('run' || i) placing lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0')
                     from 1) placing '7' from 13)::uuid as id, kd.*,
             case kind
               when 1 then array[invoice_number, invoice_id, email, customer_id]
               when 2 then array[deal_id]
               else array_remove(array[booking_uid, email, phone], null)
             end as business_keys,
             case kind
               when 0 then 'Booking: ' || name || ', ' || ${bookedFor}
               when 3 then 'Booking cancelled: ' || name || ', ' || ${bookedFor}
               when 1 then 'Invoice ' || invoice_number || ' paid: €' || to_char(amount_minor / 100.0, 'FM999990.00')
               else 'HubSpot deal ' || deal_id || ' won → closedwon'
             end as summary,
             case status
               when 'failed' then jsonb_build_object(
                 'name', 'ConnectorError', 'kind', 'final', 'code', 'validation', 'status', 400,
                 'message', 'HTTP 400 Bad Request from POST api.stripe.com/v1/invoices: No such customer',
                 'providerMessage', 'No such customer: ''' || customer_id || '''')
               when 'needs_attention' then jsonb_build_object(
                 'name', 'ConnectorError', 'kind', 'retryable', 'code', 'rate_limited', 'status', 429,
                 'message', 'HTTP 429 Too Many Requests from PATCH api.hubapi.com/crm/v3/objects/deals',
                 'providerMessage', 'You have reached your secondly limit.')
             end as run_error,
             created_at + make_interval(secs => 0.05 + (h % 7) / 20.0) as begun_at
        from keyed kd`;
}

/** The steps of the inserted runs (queued ones have none yet); the last one carries the outcome. */
function stepsOfRuns() {
  const nodeIds = `{${HISTORY_FLOWS.flatMap((flow) => flow.steps.map((step) => step.id)).join(",")}}`;
  return sql`
    select id, node_id, node_id, step_status,
           case s
             when 1 then case when kind = 2 then jsonb_build_object('dealId', deal_id)
                              else jsonb_build_object('email', email, 'name', name) end
             when 2 then jsonb_build_object('customer', customer_id, 'amount', amount_minor, 'currency', 'eur')
             else jsonb_build_object('invoiceId', invoice_id, 'number', invoice_number)
           end,
           case when step_status <> 'succeeded' then null
                when s = 1 and kind = 2 then jsonb_build_object('dealId', deal_id, 'stage', 'closedwon', 'email', email)
                when s = 1 then jsonb_build_object('contactId', (k * 31 + 7)::text, 'created', false)
                when s = 2 then jsonb_build_object('invoiceId', invoice_id, 'number', invoice_number, 'status', 'draft')
                else jsonb_build_object('status', 'open', 'hostedInvoiceUrl', 'https://invoice.stripe.com/i/' || invoice_id)
           end,
           case when step_status = 'failed' then run_error end,
           case when step_status = 'failed' and status = 'needs_attention' then 5 else 1 end,
           step_started_at,
           case when step_status <> 'running' then step_started_at + make_interval(secs => duration_ms / 1000.0) end,
           case when step_status <> 'running' then duration_ms end
      from (
        select r.*, s, (${nodeIds}::text[])[r.kind * ${STEPS_PER_FLOW} + s] as node_id,
               (case
                 when s < r.step_count then 'succeeded'
                 when r.status in ('failed', 'needs_attention') then 'failed'
                 when r.status = 'canceled' then 'skipped'
                 when r.status = 'running' then 'running'
                 else 'succeeded'
               end)::step_status as step_status,
               r.begun_at + make_interval(secs => (s - 1) * 0.45) as step_started_at,
               (80 + (r.h3 / s) % 350)::int as duration_ms
          from runs_source r
          join runs using (id)
          cross join lateral generate_series(1, r.step_count) as s
         where r.status <> 'queued'
      ) steps`;
}
