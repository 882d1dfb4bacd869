"use client";

import { Button, Field } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { flowNameProblem } from "./flow-name";
import { useRefreshFlows } from "./use-refresh-flows";

export const NEW_FLOW_FORM_ID = "new-flow";
const INPUT_ID = "new-flow-name";
const ERROR_ID = "new-flow-error";

/** Names a new flow, creates it and opens it in the editor. */
export function NewFlowForm({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refreshFlows = useRefreshFlows();
  const create = useMutation(trpc.flows.create.mutationOptions());
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  // The form opens because the person asked for it, so typing can start at once. `Field` takes
  // no ref, hence the lookup by id.
  useEffect(() => {
    document.getElementById(INPUT_ID)?.focus();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = flowNameProblem(name);
    setProblem(found);
    if (found) return;
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: ({ id }) => {
          void refreshFlows();
          router.push(`/flows/${id}`);
        },
      },
    );
  }

  const error = problem ?? (create.isError ? create.error.message : null);
  // Once created, the form stays busy until the editor replaces the page.
  const busy = create.isPending || create.isSuccess;

  return (
    <section className="ho-panel" id={NEW_FLOW_FORM_ID} aria-labelledby="new-flow-heading">
      <h2 id="new-flow-heading">New flow</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="new-flow-heading">
        <Field
          label="Flow name"
          name="name"
          id={INPUT_ID}
          autoComplete="off"
          placeholder="e.g. Booking → invoice"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ERROR_ID : undefined}
        />
        {error ? (
          <p role="alert" id={ERROR_ID} className="ho-error">
            {error}
          </p>
        ) : null}
        <div className="ho-actions">
          <Button type="submit" disabled={busy}>
            {create.isSuccess ? "Opening the editor…" : create.isPending ? "Creating…" : "Create flow"}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
