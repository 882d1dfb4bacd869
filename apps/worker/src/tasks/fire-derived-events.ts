import type { Database } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import { fireDerivedEvents } from "@handoff/services";
import type { Task } from "graphile-worker";

/** Run by the crontab: events providers may not send (overdue invoices), found by looking. */
export function fireDerivedEventsTask(db: Database, log: (message: string) => void, services: RunServices): Task {
  return async () => {
    const { fired } = await fireDerivedEvents({ db, connection: services.connection, log });
    if (fired > 0) log(`started ${fired} run(s) from derived events`);
  };
}
