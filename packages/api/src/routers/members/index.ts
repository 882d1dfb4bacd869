import { createRouter } from "../../trpc";
import { changeRoleProcedure } from "./change-role";
import { inviteMemberProcedure } from "./invite-member";
import { listMembersProcedure } from "./list-members";
import { removeMemberProcedure } from "./remove-member";
import { revokeInvitationProcedure } from "./revoke-invitation";

export const membersRouter = createRouter({
  list: listMembersProcedure,
  invite: inviteMemberProcedure,
  revokeInvitation: revokeInvitationProcedure,
  changeRole: changeRoleProcedure,
  remove: removeMemberProcedure,
});
