import { ZRole } from "@handoff/auth";
import { inviteMember } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withMemberErrors } from "./member-errors";

/** The page builds the absolute link from its own origin, which the server may not know behind a proxy. */
function invitePath(token: string) {
  return `/invite/${token}`;
}

/**
 * Creates an invite link. The path (with its token) is in this answer only: it is shown once and
 * the owner sends it however they like, since a small business may have no mail server.
 */
export const inviteMemberProcedure = procedureWith("members.manage")
  // The service checks the address itself, so a typo gets its message rather than zod's.
  .input(z.object({ email: z.string().max(320, "That email address is too long"), role: ZRole }))
  .output(z.object({ invitationId: z.string(), invitePath: z.string(), expiresAt: z.date() }))
  .mutation(async ({ ctx, input }) => {
    const invitation = await withMemberErrors(() =>
      inviteMember({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        email: input.email,
        role: input.role,
        actorUserId: ctx.member.userId,
      }),
    );
    return {
      invitationId: invitation.invitationId,
      invitePath: invitePath(invitation.token),
      expiresAt: invitation.expiresAt,
    };
  });
