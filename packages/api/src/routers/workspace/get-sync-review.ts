import { getWeeklyReview } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZSyncReviewView } from "./review-schemas";

/** The weekly review page's data; anyone who reads runs reads it. */
export const getSyncReviewProcedure = procedureWith("runs.read")
  .input(z.object({ week: z.enum(["this", "last"], "Choose this week or last week") }).default({ week: "this" }))
  .output(ZSyncReviewView)
  .query(({ ctx, input }) => getWeeklyReview({ db: ctx.db, workspaceId: ctx.member.workspaceId, week: input.week }));
