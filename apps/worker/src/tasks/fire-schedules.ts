import type { Database } from "@handoff/db";
import { fireDueSchedules } from "@handoff/services";
import type { Task } from "graphile-worker";

/** Run by the crontab every minute, on one worker per tick (graphile keeps the tick's lock). */
export function fireSchedulesTask(db: Database, log: (message: string) => void): Task {
  return async () => {
    const { fired } = await fireDueSchedules({ db });
    if (fired > 0) log(`started ${fired} scheduled run(s)`);
  };
}
