import type { Database } from "@handoff/db";
import { pruneRunHistory } from "@handoff/services";
import type { Task } from "graphile-worker";

/** Run by the crontab every hour: each workspace's retention, in small batches (the service's). */
export function pruneRunHistoryTask(db: Database, log: (message: string) => void): Task {
  return async (_payload, helpers) => {
    const summary = await pruneRunHistory({ db, signal: helpers.abortSignal, log });
    if (summary.runsDeleted + summary.eventsDeleted > 0) {
      log(
        `retention: pruned ${summary.runsDeleted} run(s) and ${summary.eventsDeleted} delivery(ies) ` +
          `in ${summary.batches} batch(es)`,
      );
    }
  };
}
