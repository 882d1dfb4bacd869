import { ZRole } from "@handoff/auth";
import { listMembers } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

export const ZMemberList = z.object({
  members: z.array(
    z.object({ userId: z.string(), email: z.string(), name: z.string(), role: ZRole, joinedAt: z.date() }),
  ),
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      role: ZRole,
      invitedByEmail: z.string().nullable(),
      expiresAt: z.date(),
      expired: z.boolean(),
    }),
  ),
});

/** The workspace's people and the invitations still open, for the People page. */
export const listMembersProcedure = procedureWith("members.manage")
  .input(z.void())
  .output(ZMemberList)
  .query(({ ctx }) => listMembers({ db: ctx.db, workspaceId: ctx.member.workspaceId }));
