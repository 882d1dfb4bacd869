import { type Database, sql } from "@handoff/db";
import { toTextArray } from "../ingest/enqueue-run";

export interface ListRunsOptions {
  db: Database;
  workspaceId: string;
  flowId?: string;
  status?: string;
  /** A normalised business key: customer email or phone, invoice number, booking uid, deal id. */
  businessKey?: string;
  /** Any of these keys (the spellings one search term may be stored as). */
  businessKeys?: readonly string[];
  /** Created at or after / strictly before. */
  from?: Date;
  to?: Date;
  /** Only runs of this published version number (with `flowId`). */
  version?: number;
  /** true: editor test runs only; false: live runs only; unset: both. */
  isTest?: boolean;
  /** Keyset cursor: runs strictly older than this one (the last row of the previous page). */
  before?: { createdAt: string; id: string };
  limit?: number;
}

/** Newest first. The stable shape of `handoff runs list --json`. */
export async function listRuns(options: ListRunsOptions) {
  const result = await options.db.execute<{
    id: string;
    flow_id: string;
    flow_name: string;
    version: number | null;
    status: string;
    trigger_summary: string;
    business_keys: string[];
    is_test: boolean;
    created_at: string;
    created_at_exact: string;
    started_at: string | null;
    finished_at: string | null;
    source_event_at: string | null;
    replay_of_run_id: string | null;
  }>(listRunsQuery(options));
  return result.rows.map((row) => ({
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    version: row.version,
    status: row.status,
    summary: row.trigger_summary,
    businessKeys: row.business_keys,
    isTest: row.is_test,
    // Microseconds kept: it is also the page cursor, and runs created within one millisecond must
    // not fall between two pages.
    createdAt: row.created_at_exact,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    durationMs: row.started_at && row.finished_at ? Date.parse(row.finished_at) - Date.parse(row.started_at) : null,
    /** From the moment the event happened at the source to the run's end. */
    syncLagMs:
      row.source_event_at && row.finished_at ? Date.parse(row.finished_at) - Date.parse(row.source_event_at) : null,
    replayOf: row.replay_of_run_id,
  }));
}

/**
 * The SQL of the run list, kept apart so a test can EXPLAIN exactly what is sent. Every filter is
 * "unset or equal", folded away by the planner for the values of each call, so each combination
 * uses its index: (workspace, created_at, id), (flow, created_at, id), (workspace, status, …),
 * (flow, status, …), or the GIN index of business keys.
 *
 * A version number may belong to every flow of the workspace: its runs are taken newest first from
 * each version it names, a page at most from each, and merged. Filtered on the way down the whole
 * history instead, an old version's runs come only after every newer run has been read; per version,
 * the (flow_version_id, created_at, id) index answers it directly. The flow is left to the version
 * it names: a second, redundant condition on the run's flow tempts the planner into walking the
 * flow's index instead.
 */
export function listRunsQuery(options: Omit<ListRunsOptions, "db">) {
  const { workspaceId, flowId, version, limit = 50 } = options;
  const runs =
    version === undefined
      ? sql`(select r.* from flow_runs r where ${runFilters(options)}) r`
      : sql`(select pinned.*
               from flows pf
               join flow_versions pv on pv.flow_id = pf.id
               cross join lateral (
                 select r.* from flow_runs r
                  where r.flow_version_id = pv.id and ${runFilters({ ...options, flowId: undefined })}
                  order by r.created_at desc, r.id desc
                  limit ${limit}) pinned
              where pf.workspace_id = ${workspaceId} and pv.number = ${version}::int
                and (${flowId ?? null}::uuid is null or pf.id = ${flowId ?? null}::uuid)) r`;
  return sql`
    select r.id, r.flow_id, f.name as flow_name, v.number as version, r.status, r.trigger_summary,
           r.business_keys, r.is_test, r.created_at, r.started_at, r.finished_at, r.source_event_at,
           to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at_exact,
           r.replay_of_run_id
      from ${runs}
      join flows f on f.id = r.flow_id
      left join flow_versions v on v.id = r.flow_version_id
     order by r.created_at desc, r.id desc
     limit ${limit}`;
}

/** Every filter but the version, on the runs aliased `r`. */
function runFilters({
  workspaceId,
  flowId,
  status,
  businessKey,
  businessKeys,
  from,
  to,
  isTest,
  before,
}: Omit<ListRunsOptions, "db">) {
  const wanted = businessKeys ?? (businessKey ? [businessKey] : null);
  const keys = wanted && wanted.length > 0 ? toTextArray([...wanted]) : null;
  // One key: containment, the form the history benchmark measures; several spellings: overlap.
  // Both are answered by the GIN index of business keys.
  const keyMatch =
    wanted?.length === 1 ? sql`r.business_keys @> ${keys}::text[]` : sql`r.business_keys && ${keys}::text[]`;
  return sql`r.workspace_id = ${workspaceId}
       and (${flowId ?? null}::uuid is null or r.flow_id = ${flowId ?? null}::uuid)
       and (${status ?? null}::text is null or r.status = ${status ?? null}::run_status)
       and (${keys}::text[] is null or ${keyMatch})
       and (${from?.toISOString() ?? null}::timestamptz is null or r.created_at >= ${from?.toISOString() ?? null}::timestamptz)
       and (${to?.toISOString() ?? null}::timestamptz is null or r.created_at < ${to?.toISOString() ?? null}::timestamptz)
       and (${isTest ?? null}::boolean is null or r.is_test = ${isTest ?? null}::boolean)
       and (${before?.createdAt ?? null}::timestamptz is null
            or (r.created_at, r.id) < (${before?.createdAt ?? null}::timestamptz, ${before?.id ?? null}::uuid))`;
}
