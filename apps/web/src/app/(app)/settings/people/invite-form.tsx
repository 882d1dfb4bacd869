"use client";

import { Button, CopyableText, Field, SelectField } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "~/trpc/react";
import { formatDateTime } from "./format-date";
import { type RoleOption, roleLabel } from "./role-options";
import { useRefreshMembers } from "./use-refresh-members";

export function InviteForm({ roleOptions }: { roleOptions: readonly RoleOption[] }) {
  const trpc = useTRPC();
  const refreshMembers = useRefreshMembers();
  const invite = useMutation(trpc.members.invite.mutationOptions({ onSuccess: () => refreshMembers() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const role = roleOptions.find((option) => option.value === data.get("role"))?.value;
    if (!role) return;
    invite.mutate({ email: String(data.get("email") ?? ""), role }, { onSuccess: () => form.reset() });
  }

  return (
    <section className="ho-panel">
      <h2 id="invite-heading">Invite someone</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="invite-heading">
        <div className="ho-toolbar">
          <Field label="Email" name="email" type="email" autoComplete="off" required />
          <SelectField label="Role" name="role" defaultValue="viewer">
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Creating…" : "Create invite link"}
          </Button>
        </div>
      </form>
      {invite.isError ? (
        <p role="alert" className="ho-error">
          {invite.error.message}
        </p>
      ) : null}
      {invite.isSuccess ? (
        <div className="ho-notice">
          <p>
            Invite link for <strong>{invite.variables.email.trim().toLowerCase()}</strong> as{" "}
            {roleLabel(roleOptions, invite.variables.role)}:
          </p>
          <CopyableText label="Invite link" value={`${window.location.origin}${invite.data.invitePath}`} />
          <p className="ho-muted">
            This link is shown only once. Send it any way you like — email, text message or chat. It can be used once,
            until {formatDateTime(invite.data.expiresAt)}.
          </p>
        </div>
      ) : null}
    </section>
  );
}
