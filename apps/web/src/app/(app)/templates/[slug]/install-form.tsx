"use client";

import { Field } from "@handoff/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { TemplateDetail } from "../types";
import { ConnectionRoleSelect } from "./connection-role-select";
import { FieldMapping } from "./field-mapping";
import { InstallError } from "./install-error";
import { connectionFor, initialInstallValues, installFormProblems, installInput } from "./install-form-state";

const ERROR_ID = "install-template-error";

/**
 * "Use template": the connections, the field mapping and the name, then a draft to adjust or a
 * published flow. Either way the new flow opens in the editor.
 */
export function InstallForm({ template, headingId }: { template: TemplateDetail; headingId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const install = useMutation(trpc.templates.install.mutationOptions());
  const [values, setValues] = useState(() => initialInstallValues(template));
  const [problems, setProblems] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const publish = submitter instanceof HTMLButtonElement && submitter.value === "publish";
    const found = installFormProblems(template, values);
    setProblems(found);
    if (found.length > 0) return;
    setPublishing(publish);
    install.mutate(installInput(template, values, publish), {
      onSuccess: ({ flowId, subscriptionError }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        // Published, but the trigger's tool refused the webhook: say so before leaving the page.
        if (subscriptionError === null) router.push(`/flows/${flowId}`);
      },
    });
  }

  const edit = (change: Partial<typeof values>) => {
    setValues((current) => ({ ...current, ...change }));
    setProblems([]);
    install.reset();
  };
  // Once created, the form stays busy until the editor replaces the page.
  const busy = install.isPending || install.isSuccess;
  const hasError = problems.length > 0 || install.isError;

  if (install.data && install.data.subscriptionError !== null) {
    return (
      <div role="alert" className="ho-notice">
        <p>
          “{install.data.name}” is published, but its trigger could not be registered: {install.data.subscriptionError}.
          Pause and resume the flow to try again.
        </p>
        <Link href={`/flows/${install.data.flowId}`}>Open “{install.data.name}”</Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} aria-describedby={hasError ? ERROR_ID : undefined}>
      {template.connections.length > 0 ? (
        <fieldset className="tp-fieldset">
          <legend>Connections</legend>
          {template.connections.map((role) => (
            <ConnectionRoleSelect
              key={role.role}
              role={role}
              value={connectionFor(role, values.chosen)}
              onChange={(connectionId) => edit({ chosen: { ...values.chosen, [role.role]: connectionId } })}
            />
          ))}
        </fieldset>
      ) : null}
      <FieldMapping
        fields={template.fields}
        values={values.fields}
        onChange={(key, value) => edit({ fields: { ...values.fields, [key]: value } })}
      />
      <Field
        label="Flow name"
        name="flow-name"
        id="template-flow-name"
        autoComplete="off"
        value={values.name}
        onChange={(event) => edit({ name: event.target.value })}
      />
      <p className="ho-muted tp-help">Installing the same template again is fine: copies are numbered.</p>
      {problems.length > 0 ? (
        <div role="alert" id={ERROR_ID} className="ho-error">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : install.isError ? (
        <InstallError error={install.error} graph={template.graph} id={ERROR_ID} />
      ) : null}
      <div className="ho-actions">
        <button type="submit" name="intent" value="draft" className="ho-button ho-button-secondary" disabled={busy}>
          {busy && !publishing ? "Creating the draft…" : "Create draft"}
        </button>
        <button type="submit" name="intent" value="publish" className="ho-button ho-button-primary" disabled={busy}>
          {busy && publishing ? "Publishing…" : "Create and publish"}
        </button>
      </div>
    </form>
  );
}
