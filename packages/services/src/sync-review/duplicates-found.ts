import { sql } from "@handoff/db";
import type { ReviewQueryOptions } from "./failed-syncs";
import { type DuplicateFound, REVIEW_LIST_LIMIT, type ReviewList, runUrl } from "./sync-review-types";

/**
 * What the identity service records as a duplicate, in the period:
 * - `identity_review`: an ambiguous match it refused to guess (several records in one tool share
 *   the customer's e-mail or phone), put in the review queue — whatever became of it since;
 * - `merged_link`: a record linked to a customer who already had another record in the same tool
 *   (the same person created twice there, now one identity in Handoff). Only the later link is
 *   listed, so each duplicate shows once.
 * Reviews are read through (workspace, status, created_at), links through (workspace, provider, …)
 * and (customer, provider).
 */
export async function listDuplicatesFound({
  db,
  workspaceId,
  period,
  publicUrl,
  limit = REVIEW_LIST_LIMIT,
}: ReviewQueryOptions): Promise<ReviewList<DuplicateFound>> {
  const start = period.start.toISOString();
  const end = period.end.toISOString();
  const result = await db.execute<{
    kind: DuplicateFound["kind"];
    id: string;
    provider: string;
    customer: string | null;
    detail: string;
    status: string;
    run_id: string | null;
    flow_name: string | null;
    at: string;
    total: number;
  }>(sql`
    with found as (
      select 'identity_review' as kind, v.id, v.provider,
             coalesce(v.keys->>'email', v.keys->>'phone', v.keys->>'name') as customer,
             jsonb_array_length(v.candidates) || ' possible matches' as detail,
             v.status::text as status, v.run_id, v.created_at as at
        from identity_reviews v
       where v.workspace_id = ${workspaceId}
         and v.status in ('open', 'resolved', 'dismissed')
         and v.created_at >= ${start}::timestamptz and v.created_at < ${end}::timestamptz
      union all
      select 'merged_link', l.id, l.provider, coalesce(c.email, c.phone, c.name),
             'record ' || l.external_id || ' is the same customer as ' || earlier.ids, 'linked', null::uuid, l.created_at
        from customer_links l
        join customers c on c.id = l.customer_id
        cross join lateral (
          select string_agg(o.external_id, ', ' order by o.created_at) as ids
            from customer_links o
           where o.customer_id = l.customer_id and o.provider = l.provider
             and (o.created_at, o.id) < (l.created_at, l.id)
        ) earlier
       where l.workspace_id = ${workspaceId}
         and l.created_at >= ${start}::timestamptz and l.created_at < ${end}::timestamptz
         and earlier.ids is not null
    )
    select found.*, r.flow_id, f.name as flow_name, count(*) over ()::int as total
      from found
      left join flow_runs r on r.id = found.run_id
      left join flows f on f.id = r.flow_id
     order by found.at desc, found.id desc
     limit ${limit}`);
  return {
    total: result.rows[0]?.total ?? 0,
    items: result.rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      provider: row.provider,
      customer: row.customer ?? "an unnamed customer",
      detail: row.detail,
      status: row.status,
      runId: row.run_id,
      flowName: row.flow_name,
      at: new Date(row.at).toISOString(),
      url: row.run_id ? runUrl(publicUrl, row.run_id) : null,
    })),
  };
}
