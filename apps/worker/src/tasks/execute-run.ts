import type { Database } from "@handoff/db";
import { executeRun, type RunServices } from "@handoff/engine";
import { RUN_JOB_MAX_ATTEMPTS, runJobKey } from "@handoff/services";
import type { Task } from "graphile-worker";
import { z } from "zod";

const ZExecuteRunPayload = z.object({ runId: z.uuid() });

/**
 * One job per run. A retry or a delay re-schedules the same job key for later; everything else
 * (memoisation, status, errors) is the engine's.
 */
export function executeRunTask(db: Database, log: (message: string) => void, services: RunServices): Task {
  return async (payload, helpers) => {
    const { runId } = ZExecuteRunPayload.parse(payload);
    const outcome = await executeRun({
      db,
      runId,
      signal: helpers.abortSignal,
      log: (message) => log(`run ${runId}: ${message}`),
      services,
    });
    if (outcome.kind === "retry" || outcome.kind === "wait") {
      await helpers.addJob(
        "execute_run",
        { runId },
        { jobKey: runJobKey(runId), runAt: outcome.at, maxAttempts: RUN_JOB_MAX_ATTEMPTS },
      );
    }
  };
}
