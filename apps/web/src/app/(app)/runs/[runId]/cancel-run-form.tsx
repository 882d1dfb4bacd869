"use client";

import { Button, Field } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

export interface CancelRunFormProps {
  runId: string;
  onCanceled: () => Promise<unknown>;
  onClose: () => void;
}

/** Stops a run that has not finished; the reason goes to the audit trail. */
export function CancelRunForm({ runId, onCanceled, onClose }: CancelRunFormProps) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: onCanceled }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem("Give a reason for canceling the run: it is kept in the audit trail");
      return;
    }
    cancel.mutate({ runId, reason: reason.trim() }, { onSuccess: onClose });
  };

  return (
    <form className="ho-panel" aria-label="Cancel run" onSubmit={submit} noValidate>
      <h2>Cancel this run</h2>
      <p className="ho-muted">Nothing more of it will run. The steps it already ran stay recorded.</p>
      <Field
        label="Reason for canceling"
        name="cancel-reason"
        placeholder="e.g. The customer booked by phone instead"
        value={reason}
        maxLength={500}
        required
        aria-invalid={problem !== null}
        onChange={(event) => {
          setReason(event.target.value);
          setProblem(null);
        }}
      />
      {problem ? (
        <p role="alert" className="ho-error">
          {problem}
        </p>
      ) : null}
      {cancel.isError ? (
        <p role="alert" className="ho-error">
          Could not cancel the run: {cancel.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button type="submit" variant="danger" disabled={cancel.isPending}>
          {cancel.isPending ? "Canceling…" : "Cancel run"}
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={cancel.isPending}>
          Keep the run
        </Button>
      </div>
    </form>
  );
}
