import type { Database } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import type { TaskList } from "graphile-worker";
import { executeRunTask } from "./execute-run";
import { fireDerivedEventsTask } from "./fire-derived-events";
import { fireSchedulesTask } from "./fire-schedules";

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
  };
}

/**
 * Every minute: start the runs of schedule-triggered flows that are due. Every five minutes: look
 * for events providers may not send (overdue invoices) — a sync-lag target of 5 minutes.
 */
export const crontab = ["* * * * * fire_schedules ?max=1", "*/5 * * * * fire_derived_events ?max=1"].join("\n");
