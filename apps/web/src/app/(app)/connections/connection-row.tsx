"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { EnvironmentBadge, StatusBadge } from "./environment-badge";
import { RenameForm } from "./rename-form";
import { ReplaceSecretForm } from "./replace-secret-form";
import type { Connection, Provider } from "./types";
import { useRefreshConnections } from "./use-refresh-connections";

type Editing = "none" | "secret" | "name" | "delete";

const COLUMNS = 6;

export function ConnectionRow({
  connection,
  provider,
  canManage,
}: {
  connection: Connection;
  provider: Provider | undefined;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const refreshConnections = useRefreshConnections();
  const remove = useMutation(trpc.connections.delete.mutationOptions({ onSuccess: () => refreshConnections() }));
  const [editing, setEditing] = useState<Editing>("none");
  const [notice, setNotice] = useState<string | null>(null);

  function open(next: Editing) {
    remove.reset();
    setNotice(null);
    setEditing(next);
  }

  return (
    <>
      <tr>
        <td>{connection.name}</td>
        <td>{provider?.name ?? connection.provider}</td>
        <td>
          <EnvironmentBadge environment={connection.environment} />
        </td>
        <td>
          <code>{connection.hint}</code>
        </td>
        <td>
          <StatusBadge status={connection.status} />
        </td>
        <td>
          {canManage ? (
            <div className="ho-actions">
              <Button variant="secondary" onClick={() => open("secret")} aria-expanded={editing === "secret"}>
                Replace secret
              </Button>
              <Button variant="secondary" onClick={() => open("name")} aria-expanded={editing === "name"}>
                Rename
              </Button>
              <Button variant="secondary" onClick={() => open("delete")} aria-expanded={editing === "delete"}>
                Delete
              </Button>
            </div>
          ) : null}
          {notice ? (
            <p role="status" className="ho-muted">
              {notice}
            </p>
          ) : null}
          {remove.isError ? (
            <p role="alert" className="ho-error">
              {remove.error.message}
            </p>
          ) : null}
        </td>
      </tr>
      {editing === "none" ? null : (
        <tr>
          <td colSpan={COLUMNS}>
            {editing === "secret" ? (
              <ReplaceSecretForm
                connection={connection}
                provider={provider}
                onDone={(hint) => {
                  setEditing("none");
                  if (hint) setNotice(`Secret replaced; it now shows as ${hint}.`);
                }}
              />
            ) : null}
            {editing === "name" ? <RenameForm connection={connection} onDone={() => setEditing("none")} /> : null}
            {editing === "delete" ? (
              <div className="ho-actions">
                <span>
                  Delete “{connection.name}”? Flows that use it stop working until they get another connection.
                </span>
                <Button
                  variant="danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ id: connection.id }, { onSettled: () => setEditing("none") })}
                >
                  {remove.isPending ? "Deleting…" : "Confirm"}
                </Button>
                <Button variant="secondary" disabled={remove.isPending} onClick={() => setEditing("none")}>
                  Cancel
                </Button>
              </div>
            ) : null}
          </td>
        </tr>
      )}
    </>
  );
}
