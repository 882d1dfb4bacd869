"use client";

import { Button, SelectField } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { CredentialInputs } from "./credential-inputs";
import { errorField } from "./error-field";
import { methodLabel, replacementLabel, typedMethods } from "./typed-methods";
import type { Connection, Provider } from "./types";
import { useRefreshConnections } from "./use-refresh-connections";

/** Types a new secret over the old one, which is never shown; closes with the new hint. */
export function ReplaceSecretForm({
  connection,
  provider,
  onDone,
}: {
  connection: Connection;
  provider: Provider | undefined;
  onDone: (hint: string | null) => void;
}) {
  const trpc = useTRPC();
  const refreshConnections = useRefreshConnections();
  const replace = useMutation(
    trpc.connections.replaceCredentials.mutationOptions({ onSuccess: () => refreshConnections() }),
  );
  const methods = typedMethods(provider);
  const [methodIndex, setMethodIndex] = useState(0);
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const method = methods[methodIndex] ?? methods[0];
  const idPrefix = `replace-${connection.id}`;
  const errorId = `${idPrefix}-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = Object.fromEntries((method?.fields ?? []).map((field) => [field.key, credentials[field.key] ?? ""]));
    replace.mutate(
      { id: connection.id, credentials: sent },
      {
        onSuccess: (result) => {
          setCredentials({});
          onDone(result.hint);
        },
      },
    );
  }

  if (!method) {
    return <p className="ho-muted">{provider?.name ?? connection.provider} connections are not replaced here.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Replace the secret of ${connection.name}`}>
      {methods.length > 1 ? (
        <SelectField
          label="Connect with"
          name="method"
          id={`${idPrefix}-method`}
          value={String(methodIndex)}
          onChange={(event) => {
            setMethodIndex(Number(event.target.value));
            setCredentials({});
          }}
        >
          {methods.map((candidate, index) => (
            <option key={candidate.kind} value={index}>
              {methodLabel(candidate.kind)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <CredentialInputs
        idPrefix={idPrefix}
        fields={method.fields}
        values={credentials}
        onChange={(key, value) => setCredentials((current) => ({ ...current, [key]: value }))}
        labelOf={(field) => replacementLabel(field.label)}
        invalidField={errorField(replace.error)}
        errorId={errorId}
      />
      {replace.isError ? (
        <p role="alert" id={errorId} className="ho-error">
          {replace.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button type="submit" disabled={replace.isPending}>
          {replace.isPending ? "Saving…" : "Save secret"}
        </Button>
        <Button variant="secondary" disabled={replace.isPending} onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
