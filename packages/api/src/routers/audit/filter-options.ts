import { listAuditFilterOptions } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** The values the page's Action, Person and Target type dropdowns offer: those seen in the trail. */
export const filterOptionsProcedure = procedureWith("audit.read")
  .input(z.void())
  .output(
    z.object({
      actions: z.array(z.string()),
      targetTypes: z.array(z.string()),
      actors: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string() })),
    }),
  )
  .query(({ ctx }) => listAuditFilterOptions({ db: ctx.db, workspaceId: ctx.member.workspaceId }));
