"use client";

import { Button, Field } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { Connection } from "./types";
import { useRefreshConnections } from "./use-refresh-connections";

export function RenameForm({ connection, onDone }: { connection: Connection; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshConnections = useRefreshConnections();
  const rename = useMutation(trpc.connections.rename.mutationOptions({ onSuccess: () => refreshConnections() }));
  const [name, setName] = useState(connection.name);
  const errorId = `rename-${connection.id}-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ id: connection.id, name }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Rename ${connection.name}`}>
      <Field
        label="New name"
        name="name"
        id={`rename-${connection.id}`}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={rename.isError || undefined}
        aria-describedby={rename.isError ? errorId : undefined}
      />
      {rename.isError ? (
        <p role="alert" id={errorId} className="ho-error">
          {rename.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name"}
        </Button>
        <Button variant="secondary" disabled={rename.isPending} onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
