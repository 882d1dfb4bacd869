import { getWorkspaceOverview } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

export const ZWorkspaceOverview = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  counts: z.object({ flows: z.number(), connections: z.number(), runs: z.number(), members: z.number() }),
  me: z.object({ email: z.string(), name: z.string(), role: z.enum(["owner", "editor", "operator", "viewer"]) }),
});

/** The signed-in member's workspace and what it holds: the dashboard's first call. */
export const getOverviewProcedure = procedureWith("workspace.read")
  .input(z.void())
  .output(ZWorkspaceOverview)
  .query(async ({ ctx }) => {
    const overview = await getWorkspaceOverview({ db: ctx.db, workspaceId: ctx.member.workspaceId });
    return { ...overview, me: { email: ctx.member.email, name: ctx.member.name, role: ctx.member.role } };
  });
