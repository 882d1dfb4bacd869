import { ZRole } from "@handoff/auth";
import { changeMemberRole } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withMemberErrors } from "./member-errors";

export const changeRoleProcedure = procedureWith("members.manage")
  .input(z.object({ userId: z.uuid("That is not a member id"), role: ZRole }))
  .output(z.object({ userId: z.string(), role: ZRole, changed: z.boolean() }))
  .mutation(({ ctx, input }) =>
    withMemberErrors(() =>
      changeMemberRole({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        userId: input.userId,
        role: input.role,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
