"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { MemberRow } from "./member-row";
import type { RoleOption } from "./role-options";

export function MembersTable({
  roleOptions,
  currentUserId,
}: {
  roleOptions: readonly RoleOption[];
  currentUserId: string;
}) {
  const trpc = useTRPC();
  const list = useQuery(trpc.members.list.queryOptions());
  return (
    <section className="ho-panel">
      <h2 id="members-heading">Members</h2>
      {list.isPending ? <p className="ho-muted">Loading people…</p> : null}
      {list.isError ? (
        <p role="alert" className="ho-error">
          Could not load the people of this workspace: {list.error.message}
        </p>
      ) : null}
      {list.isSuccess ? (
        <table className="ho-table" aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="ho-muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.members.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                roleOptions={roleOptions}
                isYou={member.userId === currentUserId}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
