import { countAttention } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** The count beside "Runs" in the navigation and on the runs page. */
export const countAttentionProcedure = procedureWith("runs.read")
  .input(z.void())
  .output(z.number())
  .query(({ ctx }) => countAttention({ db: ctx.db, workspaceId: ctx.member.workspaceId }));
