import type pg from "pg";
import { steadyPosts } from "./steady-posts";

const WARM_UP_SECONDS = 3;

/**
 * What a delivery scenario does before it measures, with its workers started: a few seconds of
 * webhooks at a steady rate, which freshly started processes need to compile their hot paths (the
 * first second otherwise ran 200+ ms behind), then fresh statistics for trigger_events.
 *
 * PostgreSQL plans an insert's foreign-key checks once per connection. Planned while
 * trigger_events is empty — a new data folder, or right after the bench removed its earlier runs —
 * the check on a run's event scans the whole table, and keeps doing so as it grows until
 * autovacuum's next ANALYZE (up to a minute later) replaces the plan: throughput halved. ANALYZE
 * here does what autovacuum would do within the minute.
 */
export async function warmUp({ hookUrl, pool, rate }: { hookUrl: string; pool: pg.Pool; rate: number }) {
  let sent = 0;
  await steadyPosts({
    url: hookUrl,
    rate,
    seconds: WARM_UP_SECONDS,
    nextId: () => `warm-up-${Date.now()}-${sent++}`,
    onSent: () => {},
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await pool.query("analyze trigger_events");
}
