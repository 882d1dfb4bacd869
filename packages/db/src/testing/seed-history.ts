import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { ensureHistoryFlows, HISTORY_SEED_MARKER, type SeededFlow } from "./history-flows";
import { insertHistoryRuns } from "./history-runs";

export { HISTORY_FLOWS, type SeededFlow } from "./history-flows";
export { type HistoryKeys, sampleHistoryKeys } from "./history-keys";
export {
  HISTORY_CUSTOMERS,
  HISTORY_SAMPLE_EMAIL,
  HISTORY_SPAN_DAYS,
  HISTORY_WALK_IN_EMAIL,
} from "./history-runs";

export interface SeedHistoryOptions {
  db: Database;
  /** Runs the workspace must hold; only the missing ones are added, so a kept database is reused. */
  runs: number;
  workspaceName?: string;
  /** Runs per INSERT … SELECT: a million rows never sit in one statement's memory. */
  batchSize?: number;
  /** Batches inserted at once, on as many connections of the pool. */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface SeededHistory {
  workspaceId: string;
  /** In HISTORY_FLOWS order. */
  flows: SeededFlow[];
  /** Runs added by this call (0 when the workspace already held enough). */
  added: number;
}

/**
 * A run history at scale for the benchmark and the index tests: a workspace of four flows with
 * three published versions each, and `runs` runs with their 2–3 steps spread over 180 days, in a
 * realistic mix of statuses, test and live, repeat and one-off customers (e-mails, E.164 phones),
 * invoice numbers, booking uids and deal ids. Ends with VACUUM ANALYZE, as autovacuum would leave
 * a table that has settled: statistics for the planner and an empty GIN pending list.
 */
export async function seedHistory({
  db,
  runs,
  workspaceName = "Benchmark history",
  batchSize = 100_000,
  concurrency = 2,
  log = () => {},
}: SeedHistoryOptions): Promise<SeededHistory> {
  const workspaceId = await ensureWorkspace(db, workspaceName, log);
  const flows = await ensureHistoryFlows(db, workspaceId);
  const held = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from flow_runs where workspace_id = ${workspaceId}`,
  );
  const existing = held.rows[0]?.n ?? 0;
  const missing = runs - existing;
  if (missing <= 0) return { workspaceId, flows, added: 0 };

  log(`history: seeding ${missing} runs with their steps (once per database)`);
  const started = performance.now();
  const call = { firstOrdinal: existing + 1, count: missing, endsAt: new Date() };
  const pending: { firstOrdinal: number; lastOrdinal: number }[] = [];
  for (let first = call.firstOrdinal; first <= existing + missing; first += batchSize) {
    pending.push({ firstOrdinal: first, lastOrdinal: Math.min(first + batchSize - 1, existing + missing) });
  }
  const skipForeignKeyChecks = await maySkipForeignKeyChecks(db);
  let inserted = 0;
  // Several statements at once: one backend is CPU-bound on generating rows and maintaining indexes.
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const batch = { workspaceId, flows, call, ...next };
      await (skipForeignKeyChecks
        ? db.transaction(async (tx) => {
            // The rows are consistent by construction; checking four foreign keys per run and one
            // per step was a quarter of the load time.
            await tx.execute(sql`set local session_replication_role = replica`);
            await insertHistoryRuns(tx, batch);
          })
        : insertHistoryRuns(db, batch));
      inserted += next.lastOrdinal - next.firstOrdinal + 1;
      log(`history: ${inserted}/${missing} runs (${seconds(started)} s)`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await db.execute(sql`vacuum (analyze) flow_runs, step_runs`);
  log(`history: seeded and analysed in ${seconds(started)} s`);
  return { workspaceId, flows, added: missing };
}

/**
 * The workspace by name. One seeded by an older format of this seed (no marked flows, e.g. runs
 * without steps) is deleted first: mixing formats would leave searches for keys it never had.
 */
async function ensureWorkspace(db: Database, name: string, log: (message: string) => void): Promise<string> {
  const found = await db.execute<{ id: string; current: boolean }>(sql`
    select w.id, exists (select 1 from flows f where f.workspace_id = w.id and f.description = ${HISTORY_SEED_MARKER})
                 or not exists (select 1 from flows f where f.workspace_id = w.id) as current
      from workspaces w where w.name = ${name} order by w.created_at limit 1`);
  const workspace = found.rows[0];
  if (workspace?.current) return workspace.id;
  if (workspace) {
    log(`history: replacing the run history of an older seed in "${name}"`);
    await db.execute(sql`delete from workspaces where id = ${workspace.id}`);
  }
  const created = await db.execute<{ id: string }>(sql`insert into workspaces (name) values (${name}) returning id`);
  const id = created.rows[0]?.id;
  if (!id) throw new Error(`Creating the workspace "${name}" returned no row`);
  return id;
}

/** Superusers (the embedded and test servers) may turn foreign-key triggers off for a transaction. */
async function maySkipForeignKeyChecks(db: Database): Promise<boolean> {
  const result = await db.execute<{ allowed: boolean }>(
    sql`select current_setting('is_superuser') = 'on' or has_parameter_privilege('session_replication_role', 'set') as allowed`,
  );
  return result.rows[0]?.allowed === true;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
