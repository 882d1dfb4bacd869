import type { Pool } from "pg";

export interface ReapDeadWorkersOptions {
  pool: Pool;
  /** A heartbeat older than this means the process is gone (killed, host lost). */
  staleAfterMs: number;
}

/**
 * Releases the jobs held by workers whose heartbeat stopped. graphile-worker only frees a dead
 * worker's locks after 4 hours; this frees them within a minute. Deleting the heartbeat row and
 * unlocking happen in one statement, so two live workers never both act on the same dead one.
 */
export async function reapDeadWorkers({ pool, staleAfterMs }: ReapDeadWorkersOptions) {
  const { rows } = await pool.query<{ dead: string[]; released: number }>(
    `with dead as (
       delete from worker_heartbeats
        where last_seen_at < now() - make_interval(secs => $1::double precision / 1000)
        returning worker_id, queue_worker_ids
     ), ids as (
       select coalesce(array_agg(id), '{}'::text[]) as ids from dead, unnest(dead.queue_worker_ids) as id
     ), released as (
       select count(*)::int as n from graphile_worker._private_jobs j, ids where j.locked_by = any(ids.ids)
     )
     select (select coalesce(array_agg(worker_id), '{}'::text[]) from dead) as dead,
            (select n from released) as released,
            graphile_worker.force_unlock_workers(ids.ids)
       from ids`,
    [staleAfterMs],
  );
  return { deadWorkers: rows[0]?.dead ?? [], releasedJobs: rows[0]?.released ?? 0 };
}

export interface StartLockReaperOptions extends ReapDeadWorkersOptions {
  intervalMs: number;
  onReaped: (result: { deadWorkers: string[]; releasedJobs: number }) => void;
  onError: (error: unknown) => void;
}

export function startLockReaper({ intervalMs, onReaped, onError, ...options }: StartLockReaperOptions) {
  const timer = setInterval(() => {
    reapDeadWorkers(options)
      .then((result) => {
        if (result.deadWorkers.length > 0) onReaped(result);
      })
      .catch(onError);
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
