import { getSyncHealth, NotFoundError } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";

const ZFlowRef = { flowId: z.string(), flowName: z.string() };

export const ZSyncHealth = z.object({
  timeZone: z.string(),
  today: z.string(),
  runsToday: z.number().int(),
  perDay: z.array(
    z.object({
      day: z.string(),
      succeeded: z.number().int(),
      failed: z.number().int(),
      canceled: z.number().int(),
      inProgress: z.number().int(),
      total: z.number().int(),
    }),
  ),
  successRate: z.object({ succeeded: z.number().int(), finished: z.number().int(), rate: z.number().nullable() }),
  needsAttention: z.number().int(),
  lagByFlow: z.array(
    z.object({
      ...ZFlowRef,
      runs: z.number().int(),
      p50Ms: z.number(),
      p95Ms: z.number(),
      targetMs: z.number().nullable(),
      overTarget: z.boolean(),
    }),
  ),
  topFailingFlows: z.array(z.object({ ...ZFlowRef, failures: z.number().int() })),
  flags: z.array(z.object({ ...ZFlowRef, kind: z.enum(["lag_over_target", "failure_spike"]), message: z.string() })),
});

/**
 * The dashboard: runs per day, success rate, lag against target, top failures and flags. Run
 * history numbers, so it asks what reading the runs asks.
 */
export const syncHealthProcedure = procedureWith("runs.read")
  .input(z.void())
  .output(ZSyncHealth)
  .query(async ({ ctx }) => {
    try {
      return await getSyncHealth({ db: ctx.db, workspaceId: ctx.member.workspaceId });
    } catch (error) {
      if (error instanceof NotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
      throw error;
    }
  });
