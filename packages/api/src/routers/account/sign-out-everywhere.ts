import { signOutEverywhere } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** Ends every session of the caller, this one included; the page then signs this browser out. */
export const signOutEverywhereProcedure = procedureWith("account.manage")
  .input(z.void())
  .output(z.void())
  .mutation(async ({ ctx }) => {
    await signOutEverywhere({ db: ctx.db, userId: ctx.member.userId, workspaceId: ctx.member.workspaceId });
  });
