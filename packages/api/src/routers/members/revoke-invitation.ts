import { revokeInvitation } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withMemberErrors } from "./member-errors";

export const revokeInvitationProcedure = procedureWith("members.manage")
  .input(z.object({ invitationId: z.uuid("That is not an invitation id") }))
  .output(z.object({ invitationId: z.string(), revokedAt: z.date() }))
  .mutation(({ ctx, input }) =>
    withMemberErrors(() =>
      revokeInvitation({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        invitationId: input.invitationId,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
