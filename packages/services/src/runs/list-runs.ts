import { type Database, sql } from "@handoff/db";

export interface ListRunsOptions {
  db: Database;
  workspaceId: string;
  flowId?: string;
  status?: string;
  /** A normalised business key: customer email or phone, invoice number, booking uid, deal id. */
  businessKey?: string;
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
    created_at: string;
    finished_at: string | null;
    replay_of_run_id: string | null;
  }>(listRunsQuery(options));
  return result.rows.map((row) => ({
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    version: row.version,
    status: row.status,
    summary: row.trigger_summary,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    replayOf: row.replay_of_run_id,
  }));
}

/**
 * The SQL of the run list, kept apart so a test can EXPLAIN exactly what is sent. Every filter is
 * "unset or equal", folded away by the planner for the values of each call, so each combination
 * uses its index: (workspace, created_at, id), (flow, created_at, id), (workspace, status, …),
 * or the GIN index of business keys.
 */
export function listRunsQuery({
  workspaceId,
  flowId,
  status,
  businessKey,
  before,
  limit = 50,
}: Omit<ListRunsOptions, "db">) {
  return sql`
    select r.id, r.flow_id, f.name as flow_name, v.number as version, r.status, r.trigger_summary,
           r.created_at, r.finished_at, r.replay_of_run_id
      from flow_runs r
      join flows f on f.id = r.flow_id
      left join flow_versions v on v.id = r.flow_version_id
     where r.workspace_id = ${workspaceId}
       and (${flowId ?? null}::uuid is null or r.flow_id = ${flowId ?? null}::uuid)
       and (${status ?? null}::text is null or r.status = ${status ?? null}::run_status)
       and (${businessKey ?? null}::text is null or r.business_keys @> array[${businessKey ?? null}::text])
       and (${before?.createdAt ?? null}::timestamptz is null
            or (r.created_at, r.id) < (${before?.createdAt ?? null}::timestamptz, ${before?.id ?? null}::uuid))
     order by r.created_at desc, r.id desc
     limit ${limit}`;
}
