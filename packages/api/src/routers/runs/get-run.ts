import { getRun } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { runCall } from "./run-errors";

/** One run, every step with its input, output and error (secrets were redacted when recorded). */
export const getRunProcedure = procedureWith("runs.read")
  .input(z.object({ runId: z.uuid() }))
  .output(
    z.object({
      id: z.string(),
      flowId: z.string(),
      version: z.number().nullable(),
      status: z.string(),
      attempt: z.number(),
      error: z.unknown(),
      summary: z.string(),
      businessKeys: z.array(z.string()),
      replayOf: z.string().nullable(),
      replayFromStep: z.string().nullable(),
      createdAt: z.string().nullable(),
      sourceEventAt: z.string().nullable(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      syncLagMs: z.number().nullable(),
      trigger: z.unknown(),
      steps: z.array(
        z.object({
          stepKey: z.string(),
          nodeId: z.string(),
          status: z.string(),
          attempt: z.number(),
          input: z.unknown(),
          output: z.unknown(),
          outputTruncated: z.boolean(),
          error: z.unknown(),
          startedAt: z.string().nullable(),
          finishedAt: z.string().nullable(),
          durationMs: z.number().nullable(),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    const run = await runCall(() => getRun({ db: ctx.db, runId: input.runId }));
    if (run.workspaceId !== ctx.member.workspaceId) {
      throw new TRPCError({ code: "NOT_FOUND", message: `Run ${input.runId} not found` });
    }
    const { workspaceId: _workspace, ...visible } = run;
    return visible;
  });
