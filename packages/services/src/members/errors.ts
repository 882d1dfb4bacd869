import type { InvitationState } from "./invitation-state";

/** Input a person typed that cannot be used as given (a malformed email, a short password). */
export class MemberInputError extends Error {
  override readonly name = "MemberInputError";
}

export class AlreadyMemberError extends Error {
  override readonly name = "AlreadyMemberError";
  constructor(readonly email: string) {
    super(`${email} is already a member of this workspace`);
  }
}

export class MemberNotFoundError extends Error {
  override readonly name = "MemberNotFoundError";
  constructor() {
    super("That person is not a member of this workspace");
  }
}

export class InvitationNotFoundError extends Error {
  override readonly name = "InvitationNotFoundError";
  constructor() {
    super("That invitation does not exist");
  }
}

/**
 * The invitation exists but can no longer be used (or revoked): `state` says why. The message
 * speaks to whoever tried: the invitee following the link, or the owner revoking it.
 */
export class InvitationNotPendingError extends Error {
  override readonly name = "InvitationNotPendingError";
  constructor(
    readonly state: Exclude<InvitationState, "pending">,
    audience: "invitee" | "owner" = "invitee",
  ) {
    super(INVITATION_STATE_MESSAGES[audience][state]);
  }
}

const INVITATION_STATE_MESSAGES = {
  invitee: {
    expired: "This invitation has expired; ask for a new invite link",
    accepted: "This invitation has already been used; sign in instead",
    revoked: "This invitation was withdrawn; ask for a new invite link",
  },
  owner: {
    expired: "This invitation has expired",
    accepted: "This invitation has already been accepted",
    revoked: "This invitation was already withdrawn",
  },
} as const satisfies Record<string, Record<Exclude<InvitationState, "pending">, string>>;

/** A workspace without an owner could never manage its people again. */
export class LastOwnerError extends Error {
  override readonly name = "LastOwnerError";
  constructor(action: "demote" | "remove") {
    super(
      action === "demote"
        ? "This is the workspace's last owner; make someone else an owner before changing this role"
        : "This is the workspace's last owner; make someone else an owner before removing them",
    );
  }
}

export class CannotRemoveSelfError extends Error {
  override readonly name = "CannotRemoveSelfError";
  constructor() {
    super("You cannot remove yourself; another owner can remove you");
  }
}

/**
 * The invited email already has a Handoff account and the password given is not its password.
 * Joining never changes an existing account's password, so the person proves they own it.
 */
export class ExistingAccountPasswordError extends Error {
  override readonly name = "ExistingAccountPasswordError";
  constructor() {
    super("An account with this email already exists; enter its current password to join");
  }
}
