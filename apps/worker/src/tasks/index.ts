import type { Database } from "@handoff/db";
import type { TaskList } from "graphile-worker";
import { executeRunTask } from "./execute-run";

/**
 * Every job the worker knows, one file per task. Tasks parse their payload first and call a
 * service or the engine; they hold no logic of their own.
 */
export function createTaskList({ db, log }: { db: Database; log: (message: string) => void }): TaskList {
  return {
    execute_run: executeRunTask(db, log),
  };
}
