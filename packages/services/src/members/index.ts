export { type AcceptedInvitation, type AcceptInvitationOptions, acceptInvitation } from "./accept-invitation";
export { type ChangeMemberRoleOptions, changeMemberRole } from "./change-member-role";
export {
  AlreadyMemberError,
  CannotRemoveSelfError,
  ExistingAccountPasswordError,
  InvitationNotFoundError,
  InvitationNotPendingError,
  LastOwnerError,
  MemberInputError,
  MemberNotFoundError,
} from "./errors";
export { type GetInvitationOptions, getInvitation, type InvitationView } from "./get-invitation";
export type { InvitationState } from "./invitation-state";
export { INVITATION_VALID_DAYS } from "./invitation-token";
export { type CreatedInvitation, type InviteMemberOptions, inviteMember } from "./invite-member";
export { type ListMembersOptions, listMembers, type MemberSummary, type OpenInvitation } from "./list-members";
export { type RemoveMemberOptions, removeMember } from "./remove-member";
export { type RevokeInvitationOptions, revokeInvitation } from "./revoke-invitation";
export { type SignOutEverywhereOptions, signOutEverywhere } from "./sign-out-everywhere";
