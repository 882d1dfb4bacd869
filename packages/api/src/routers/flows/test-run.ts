import { getRun, startTestRun, TestRunRefusedError } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

const ZEventSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sample") }),
  z.object({ kind: z.literal("payload"), payload: z.unknown() }),
  z.object({ kind: z.literal("run"), runId: z.uuid() }),
  z.object({ kind: z.literal("step"), runId: z.uuid(), nodeId: z.string().min(1).max(64) }),
]);

/**
 * Runs the draft on the canvas with a sample, pasted or past event — or one step alone with the
 * outputs an earlier test gave the steps before it; test connections only.
 */
export const startTestRunProcedure = procedureWith("flows.edit")
  .input(z.object({ flowId: z.uuid(), source: ZEventSource }))
  .output(z.object({ runId: z.string() }))
  .mutation(({ ctx, input }) =>
    flowCall(async () => {
      try {
        return await startTestRun({
          db: ctx.db,
          workspaceId: ctx.member.workspaceId,
          flowId: input.flowId,
          source: input.source,
          actorUserId: ctx.member.userId,
        });
      } catch (error) {
        if (error instanceof TestRunRefusedError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
        throw error;
      }
    }),
  );

const ZStepResult = z.object({
  nodeId: z.string(),
  stepKey: z.string(),
  status: z.string(),
  attempt: z.number(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.unknown(),
  durationMs: z.number().nullable(),
});

/** A test run's progress and each node's result, polled by the canvas until it settles. */
export const testRunResultProcedure = procedureWith("flows.read")
  .input(z.object({ flowId: z.uuid(), runId: z.uuid() }))
  .output(
    z.object({
      runId: z.string(),
      status: z.string(),
      finished: z.boolean(),
      error: z.unknown(),
      trigger: z.unknown(),
      steps: z.array(ZStepResult),
    }),
  )
  .query(async ({ ctx, input }) => {
    const run = await flowCall(() => getRun({ db: ctx.db, runId: input.runId }));
    if (run.flowId !== input.flowId || run.workspaceId !== ctx.member.workspaceId) {
      throw new TRPCError({ code: "NOT_FOUND", message: `Run ${input.runId} not found` });
    }
    return {
      runId: run.id,
      status: run.status,
      finished: !["queued", "running", "waiting"].includes(run.status),
      error: run.error,
      trigger: run.trigger,
      steps: run.steps.map(({ nodeId, stepKey, status, attempt, input: stepInput, output, error, durationMs }) => ({
        nodeId,
        stepKey,
        status,
        attempt,
        input: stepInput,
        output,
        error,
        durationMs,
      })),
    };
  });
