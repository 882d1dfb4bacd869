import type { Database } from "@handoff/db";
import { batchConcurrentCalls } from "./batch-concurrent-calls";
import { findHookTargets, type HookTarget } from "./find-hook-target";

export interface HookTargetLookup {
  find(hookId: string): Promise<HookTarget | null>;
}

/**
 * Looks hook ids up together: the webhooks that arrive at the same moment share one query
 * instead of one each. Every lookup still starts after its request arrived, so a flow paused or
 * deleted just before is seen as such — nothing is cached.
 */
export function createHookTargetLookup(db: Database): HookTargetLookup {
  const batch = batchConcurrentCalls<string, HookTarget | null>({
    run: async (hookIds) => (await findHookTargets(db, hookIds)).map((value) => ({ ok: true, value })),
  });
  return { find: (hookId) => batch.submit(hookId) };
}

// One per pool, like the event recorder: every hook request of the process joins the same batches.
const lookups = new WeakMap<Database, HookTargetLookup>();

export function hookTargetLookupFor(db: Database): HookTargetLookup {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = createHookTargetLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}
