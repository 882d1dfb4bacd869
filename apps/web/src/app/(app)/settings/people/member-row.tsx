"use client";

import type { Role } from "@handoff/auth/roles";
import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { RoleOption } from "./role-options";
import { useRefreshMembers } from "./use-refresh-members";

interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export function MemberRow({
  member,
  roleOptions,
  isYou,
}: {
  member: Member;
  roleOptions: readonly RoleOption[];
  isYou: boolean;
}) {
  const trpc = useTRPC();
  const refreshMembers = useRefreshMembers();
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: () => refreshMembers() }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: () => refreshMembers() }));
  // While the change is on its way, show the role picked rather than snapping back to the old one.
  const shownRole = changeRole.isPending ? changeRole.variables.role : member.role;
  const error = changeRole.error ?? remove.error;

  function onRoleChange(value: string) {
    const role = roleOptions.find((option) => option.value === value)?.value;
    if (role) changeRole.mutate({ userId: member.userId, role });
  }

  return (
    <tr>
      <td>
        {member.email}
        {isYou ? (
          <>
            {" "}
            <span className="ho-badge">you</span>
          </>
        ) : null}
      </td>
      <td>{member.name || <span className="ho-muted">—</span>}</td>
      <td>
        <select
          aria-label={`Role for ${member.email}`}
          value={shownRole}
          disabled={changeRole.isPending || remove.isPending}
          onChange={(event) => onRoleChange(event.target.value)}
        >
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {isYou ? null : confirmingRemoval ? (
          <div className="ho-actions">
            <span>Remove {member.email}? Their open sessions end at once.</span>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ userId: member.userId }, { onError: () => setConfirmingRemoval(false) })}
            >
              {remove.isPending ? "Removing…" : "Confirm and remove"}
            </Button>
            <Button variant="secondary" disabled={remove.isPending} onClick={() => setConfirmingRemoval(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              remove.reset();
              setConfirmingRemoval(true);
            }}
          >
            Remove
          </Button>
        )}
        {error ? (
          <p role="alert" className="ho-error">
            {error.message}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
