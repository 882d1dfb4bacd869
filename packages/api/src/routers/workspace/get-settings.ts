import { getWorkspaceSettings } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZWorkspaceSettingsView } from "./settings-schemas";

/** The weekly review's mapping owner and the retention of run history, with who may be chosen. */
export const getSettingsProcedure = procedureWith("workspace.manage")
  .input(z.void())
  .output(ZWorkspaceSettingsView)
  .query(({ ctx }) => getWorkspaceSettings({ db: ctx.db, workspaceId: ctx.member.workspaceId }));
