"use client";

import { Button, Field, SelectField } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { CredentialInputs } from "./credential-inputs";
import { errorField } from "./error-field";
import { methodLabel, typedMethods } from "./typed-methods";
import type { Provider } from "./types";
import { useRefreshConnections } from "./use-refresh-connections";

const ERROR_ID = "new-connection-error";

export function NewConnectionForm({ providers }: { providers: readonly Provider[] }) {
  const trpc = useTRPC();
  const refreshConnections = useRefreshConnections();
  const create = useMutation(trpc.connections.create.mutationOptions({ onSuccess: () => refreshConnections() }));
  const [providerKey, setProviderKey] = useState(providers[0]?.key ?? "");
  const [methodIndex, setMethodIndex] = useState(0);
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<"test" | "live">("test");
  const [baseUrl, setBaseUrl] = useState("");
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<{ name: string; hint: string } | null>(null);

  const provider = providers.find((candidate) => candidate.key === providerKey);
  const methods = typedMethods(provider);
  const method = methods[methodIndex] ?? methods[0];
  const invalidField = errorField(create.error);

  function chooseProvider(key: string) {
    setProviderKey(key);
    setMethodIndex(0);
    setCredentials({});
    create.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    // Only the chosen form's fields are sent: nothing typed for another tool goes along.
    const sent = Object.fromEntries((method?.fields ?? []).map((field) => [field.key, credentials[field.key] ?? ""]));
    create.mutate(
      { provider: providerKey, name, environment, baseUrl: baseUrl.trim() || null, credentials: sent },
      {
        onSuccess: (result) => {
          setSaved({ name: name.trim(), hint: result.hint });
          setCredentials({});
          setName("");
          setBaseUrl("");
        },
      },
    );
  }

  const invalidProps = (field: string) =>
    invalidField === field ? { "aria-invalid": true, "aria-describedby": ERROR_ID } : {};

  return (
    <section className="ho-panel">
      <h2 id="new-connection-heading">New connection</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-connection-heading">
        <SelectField
          label="Tool"
          name="provider"
          value={providerKey}
          onChange={(event) => chooseProvider(event.target.value)}
          {...invalidProps("provider")}
        >
          {providers.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        <Field
          label="Name"
          name="name"
          autoComplete="off"
          placeholder={provider ? `e.g. ${provider.name} ${environment}` : ""}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          {...invalidProps("name")}
        />
        <SelectField
          label="Environment"
          name="environment"
          value={environment}
          onChange={(event) => setEnvironment(event.target.value === "live" ? "live" : "test")}
        >
          <option value="test">Test</option>
          <option value="live">Live</option>
        </SelectField>
        <p className="ho-muted">
          Test connections are used by test runs from the editor; live ones only by published, active flows.
        </p>
        <Field
          label="API address (optional)"
          name="baseUrl"
          type="url"
          autoComplete="off"
          placeholder="For a sandbox or a self-hosted install"
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          {...invalidProps("baseUrl")}
        />
        {methods.length > 1 ? (
          <SelectField
            label="Connect with"
            name="method"
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
        {method?.description ? <p className="ho-muted">{method.description}</p> : null}
        {method ? (
          <CredentialInputs
            idPrefix="new-connection"
            fields={method.fields}
            values={credentials}
            onChange={(key, value) => setCredentials((current) => ({ ...current, [key]: value }))}
            invalidField={invalidField}
            errorId={ERROR_ID}
          />
        ) : null}
        {create.isError ? (
          <p role="alert" id={ERROR_ID} className="ho-error">
            {create.error.message}
          </p>
        ) : null}
        <Button type="submit" disabled={create.isPending || !method}>
          {create.isPending ? "Saving…" : "Save connection"}
        </Button>
      </form>
      {saved ? (
        <p role="status" className="ho-notice">
          Saved “{saved.name}”. Its secret is stored encrypted and shows only as {saved.hint}.
        </p>
      ) : null}
    </section>
  );
}
