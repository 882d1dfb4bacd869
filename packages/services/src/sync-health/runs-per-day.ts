import { type Database, sql } from "@handoff/db";

export interface RunsOnDay {
  /** The calendar day in the workspace's time zone, `yyyy-mm-dd`. */
  day: string;
  succeeded: number;
  /** Failed or needing a person. */
  failed: number;
  canceled: number;
  /** Queued, running or waiting. */
  inProgress: number;
  total: number;
}

export interface RunsPerDayOptions {
  db: Database;
  workspaceId: string;
  /** IANA zone the days are cut in: a run at 23:30 in Paris belongs to that Paris day. */
  timeZone: string;
  now: Date;
  days?: number;
}

/**
 * Live runs created on each of the last `days` days (today included), by outcome, every day
 * present even when empty. One range scan of (workspace_id, created_at), grouped in SQL.
 */
export async function runsPerDay({
  db,
  workspaceId,
  timeZone,
  now,
  days = 14,
}: RunsPerDayOptions): Promise<RunsOnDay[]> {
  const result = await db.execute<{
    day: string;
    succeeded: number;
    failed: number;
    canceled: number;
    in_progress: number;
  }>(runsPerDayQuery({ workspaceId, timeZone, now, days }));
  return result.rows.map((row) => ({
    day: row.day,
    succeeded: row.succeeded,
    failed: row.failed,
    canceled: row.canceled,
    inProgress: row.in_progress,
    total: row.succeeded + row.failed + row.canceled + row.in_progress,
  }));
}

/** The SQL alone, so a test can EXPLAIN what is sent. */
export function runsPerDayQuery({ workspaceId, timeZone, now, days = 14 }: Omit<RunsPerDayOptions, "db">) {
  // Local midnights as wall-clock timestamps; `at time zone` turns them back into instants, so a
  // day is 23 or 25 hours long across a daylight-saving change, as it is on the clock.
  const today = sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${timeZone}::text)`;
  const firstDay = sql`(${today} - make_interval(days => ${days - 1}::int))`;
  const tomorrow = sql`(${today} + interval '1 day')`;
  return sql`
    with counted as (
      select (r.created_at at time zone ${timeZone}::text)::date as day,
             count(*) filter (where r.status = 'succeeded')::int as succeeded,
             count(*) filter (where r.status in ('failed', 'needs_attention'))::int as failed,
             count(*) filter (where r.status = 'canceled')::int as canceled,
             count(*) filter (where r.status in ('queued', 'running', 'waiting'))::int as in_progress
        from flow_runs r
       where r.workspace_id = ${workspaceId}
         and r.created_at >= ${firstDay} at time zone ${timeZone}::text
         and r.created_at < ${tomorrow} at time zone ${timeZone}::text
         and not r.is_test
       group by 1
    )
    select to_char(d.day, 'YYYY-MM-DD') as day,
           coalesce(c.succeeded, 0) as succeeded, coalesce(c.failed, 0) as failed,
           coalesce(c.canceled, 0) as canceled, coalesce(c.in_progress, 0) as in_progress
      from generate_series(${firstDay}, ${today}, interval '1 day') d(day)
      left join counted c on c.day = d.day::date
     order by d.day`;
}
