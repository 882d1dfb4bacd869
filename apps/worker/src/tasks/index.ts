import type { Database } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import type { TaskList } from "graphile-worker";
import { executeRunTask } from "./execute-run";
import { fireDerivedEventsTask } from "./fire-derived-events";
import { fireSchedulesTask } from "./fire-schedules";
import { pruneRunHistoryTask } from "./prune-run-history";

/**
 * Every job the worker knows, one file per task. Tasks parse their payload first and call a
 * service or the engine; they hold no logic of their own.
 */
export function createTaskList({
  db,
  log,
  services,
}: {
  db: Database;
  log: (message: string) => void;
  services: RunServices;
}): TaskList {
  return {
    execute_run: executeRunTask(db, log, services),
    fire_schedules: fireSchedulesTask(db, log),
    fire_derived_events: fireDerivedEventsTask(db, log, services),
    prune_run_history: pruneRunHistoryTask(db, log),
  };
}

/**
 * Every minute: start the runs of schedule-triggered flows that are due. Every five minutes: look
 * for events providers may not send (overdue invoices) — a sync-lag target of 5 minutes. Every
 * hour, at :17 rather than on the hour when scheduled flows crowd in: prune run history.
 */
export const crontab = [
  "* * * * * fire_schedules ?max=1",
  "*/5 * * * * fire_derived_events ?max=1",
  "17 * * * * prune_run_history ?max=1",
].join("\n");
