import { cancelRun, getRun, replayRun, retryRun, retryRuns } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { runCall } from "./run-errors";

/** Retry: the same run again; what succeeded is not repeated. */
export const retryRunProcedure = procedureWith("runs.operate")
  .input(z.object({ runId: z.uuid() }))
  .output(z.object({ runId: z.string(), previousStatus: z.string() }))
  .mutation(({ ctx, input }) =>
    runCall(() =>
      retryRun({ db: ctx.db, runId: input.runId, actorUserId: ctx.member.userId, workspaceId: ctx.member.workspaceId }),
    ),
  );

/** Bulk retry of chosen runs, each in its own transaction; the ones that cannot go are reported. */
export const retryManyProcedure = procedureWith("runs.operate")
  .input(z.object({ runIds: z.array(z.uuid()).min(1).max(1000) }))
  .output(
    z.object({ retried: z.array(z.string()), refused: z.array(z.object({ runId: z.string(), reason: z.string() })) }),
  )
  .mutation(({ ctx, input }) =>
    runCall(() =>
      retryRuns({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        runIds: input.runIds,
        actorUserId: ctx.member.userId,
      }),
    ),
  );

/**
 * Replay: a new run on the same version, from a step (earlier steps reused) or from the start,
 * optionally with a corrected trigger payload — which needs a reason, for the audit trail.
 */
export const replayRunProcedure = procedureWith("runs.operate")
  .input(
    z.object({
      runId: z.uuid(),
      fromNodeId: z.string().min(1).optional(),
      payload: z.unknown().optional(),
      reason: z.string().trim().max(500).optional(),
    }),
  )
  .output(z.object({ runId: z.string(), replayOf: z.string(), fromNodeId: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    const run = await runCall(() => getRun({ db: ctx.db, runId: input.runId }));
    if (run.workspaceId !== ctx.member.workspaceId) {
      throw new TRPCError({ code: "NOT_FOUND", message: `Run ${input.runId} not found` });
    }
    if (run.version === null) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "A test run cannot be replayed; run the test again" });
    }
    return runCall(() =>
      replayRun({
        db: ctx.db,
        runId: input.runId,
        fromNodeId: input.fromNodeId,
        payload: input.payload,
        reason: input.reason,
        actorUserId: ctx.member.userId,
      }),
    );
  });

/** Cancel a run that has not finished (queued, waiting, needing attention), with a reason. */
export const cancelRunProcedure = procedureWith("runs.operate")
  .input(z.object({ runId: z.uuid(), reason: z.string().trim().min(1, "Give a reason").max(500) }))
  .output(z.object({ runId: z.string(), previousStatus: z.string() }))
  .mutation(({ ctx, input }) =>
    runCall(() =>
      cancelRun({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        runId: input.runId,
        reason: input.reason,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
