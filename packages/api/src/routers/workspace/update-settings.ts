import { updateWorkspaceSettings, WorkspaceSettingsInputError } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZWorkspaceSettings, ZWorkspaceSettingsChanges } from "./settings-schemas";

/** Owner only: who receives the weekly review, how long runs are kept. Audited with before/after. */
export const updateSettingsProcedure = procedureWith("workspace.manage")
  .input(ZWorkspaceSettingsChanges)
  .output(ZWorkspaceSettings.extend({ changed: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    try {
      return await updateWorkspaceSettings({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        actorUserId: ctx.member.userId,
        changes: input,
      });
    } catch (error) {
      if (error instanceof WorkspaceSettingsInputError) {
        throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
      }
      throw error;
    }
  });
