import type { Database } from "@handoff/db";
import { sampleHistoryKeys, seedHistory } from "@handoff/db/testing/seed-history";
import { listRuns } from "@handoff/services";
import { percentiles } from "../stats";

/**
 * Scenario 5: the run history at scale. Seeds `runs` runs with their steps (once per data folder;
 * kept for later benchmarks) in a workspace of their own — the same seed the index tests use —
 * then times the three queries the runs page makes most: the newest runs, one flow's runs needing
 * attention, and a customer's runs by e-mail.
 */
export async function historyScenario({
  db,
  runs,
  iterations,
  log,
}: {
  db: Database;
  runs: number;
  iterations: number;
  log: (m: string) => void;
}) {
  const { workspaceId, flows } = await seedHistory({ db, runs, log });
  const flowIds = flows.map((flow) => flow.id);
  // E-mails of seeded runs, so every search finds its customer as the bookkeeper's would.
  const { emails } = await sampleHistoryKeys({ db, workspaceId, perKind: 500 });
  const time = async (query: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      await query();
      samples.push(performance.now() - start);
    }
    return percentiles(samples);
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const list = await time(() => listRuns({ db, workspaceId }));
  const filtered = await time(() => listRuns({ db, workspaceId, flowId: pick(flowIds), status: "needs_attention" }));
  const search = await time(() => listRuns({ db, workspaceId, businessKey: pick(emails) }));
  return {
    history_runs: runs,
    history_list_p50_ms: list.p50,
    history_list_p95_ms: list.p95,
    history_filter_p50_ms: filtered.p50,
    history_filter_p95_ms: filtered.p95,
    history_key_search_p50_ms: search.p50,
    history_key_search_p95_ms: search.p95,
  };
}
