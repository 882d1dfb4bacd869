"use client";

import { Button } from "@handoff/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { formatDateTime } from "./format-date";
import { type RoleOption, roleLabel } from "./role-options";
import { useRefreshMembers } from "./use-refresh-members";

export function InvitationsTable({ roleOptions }: { roleOptions: readonly RoleOption[] }) {
  const trpc = useTRPC();
  const refreshMembers = useRefreshMembers();
  const list = useQuery(trpc.members.list.queryOptions());
  const revoke = useMutation(trpc.members.revokeInvitation.mutationOptions({ onSuccess: () => refreshMembers() }));
  if (!list.isSuccess) return null; // the members table above already says it is loading or failed
  const { invitations } = list.data;
  return (
    <section className="ho-panel">
      <h2 id="invitations-heading">Pending invitations</h2>
      {revoke.isError ? (
        <p role="alert" className="ho-error">
          {revoke.error.message}
        </p>
      ) : null}
      {invitations.length === 0 ? (
        <p className="ho-muted">No invitations are waiting to be accepted.</p>
      ) : (
        <table className="ho-table" aria-labelledby="invitations-heading">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              <th scope="col">Invited by</th>
              <th scope="col">
                <span className="ho-muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{roleLabel(roleOptions, invitation.role)}</td>
                <td>
                  {invitation.expired ? <span className="ho-badge ho-badge-warn">Expired</span> : null}{" "}
                  {formatDateTime(invitation.expiresAt)}
                </td>
                <td>{invitation.invitedByEmail ?? <span className="ho-muted">—</span>}</td>
                <td>
                  <Button
                    variant="secondary"
                    disabled={revoke.isPending && revoke.variables.invitationId === invitation.id}
                    onClick={() => revoke.mutate({ invitationId: invitation.id })}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
