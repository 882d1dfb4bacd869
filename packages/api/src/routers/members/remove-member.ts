import { removeMember } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withMemberErrors } from "./member-errors";

/** Removes a person; their open sessions end on their next call. */
export const removeMemberProcedure = procedureWith("members.manage")
  .input(z.object({ userId: z.uuid("That is not a member id") }))
  .output(z.object({ userId: z.string() }))
  .mutation(({ ctx, input }) =>
    withMemberErrors(() =>
      removeMember({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        userId: input.userId,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
