import { getFlow, setFlowStatus, syncTriggerSubscription } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/** Pause or resume; the provider registration follows (removed on pause, re-added on resume). */
export const setFlowStatusProcedure = procedureWith("flows.pause")
  .input(z.object({ flowId: z.uuid(), status: z.enum(["active", "paused"]) }))
  .output(z.object({ status: z.enum(["active", "paused"]), subscription: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const flow = await flowCall(() =>
      getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }),
    );
    if (input.status === "active" && !flow.currentVersion) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Publish the flow before resuming it" });
    }
    const updated = await flowCall(() =>
      setFlowStatus({ db: ctx.db, flowId: input.flowId, status: input.status, actorUserId: ctx.member.userId }),
    );
    const subscription = await syncTriggerSubscription({
      db: ctx.db,
      secretBox: ctx.secretBox,
      flowId: input.flowId,
      publicUrl: ctx.publicUrl,
    });
    return { status: updated.status, subscription };
  });
