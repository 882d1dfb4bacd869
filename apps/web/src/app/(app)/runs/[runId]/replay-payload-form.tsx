"use client";

import { Button, Field } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { parseJsonText } from "./parse-json-text";

export interface ReplayPayloadFormProps {
  runId: string;
  /** The payload the run was triggered with: the starting point of the edit. */
  trigger: unknown;
  onClose: () => void;
}

/**
 * Replay with a corrected trigger payload: a new run from the start, on the same version. The
 * reason is required because data that reaches other tools was changed by hand (audit trail).
 */
export function ReplayPayloadForm({ runId, trigger, onClose }: ReplayPayloadFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const payloadId = useId();
  const problemId = useId();
  const [text, setText] = useState(() => JSON.stringify(trigger ?? {}, null, 2));
  const [reason, setReason] = useState("");
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const parsed = parseJsonText(text);
  const replay = useMutation(
    trpc.runs.replay.mutationOptions({ onSuccess: (result) => router.push(`/runs/${result.runId}`) }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) return;
    if (!reason.trim()) {
      setReasonProblem("Say why the payload was changed: it is kept in the audit trail");
      return;
    }
    replay.mutate({ runId, payload: parsed.value, reason: reason.trim() });
  };

  return (
    <form className="ho-panel" aria-label="Replay with edited payload" onSubmit={submit} noValidate>
      <h2>Replay with edited payload</h2>
      <p className="ho-muted">
        A new run starts from the trigger with this payload, on the same flow version. This run stays as it was.
      </p>
      <div className="ho-field">
        <label htmlFor={payloadId}>Trigger payload (JSON)</label>
        <textarea
          id={payloadId}
          name="payload"
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : problemId}
        />
      </div>
      {parsed.ok ? null : (
        <p id={problemId} role="alert" className="ho-error">
          {parsed.problem}
        </p>
      )}
      <Field
        label="Reason"
        name="replay-reason"
        placeholder="Why? e.g. Typo in the customer's email"
        value={reason}
        maxLength={500}
        required
        aria-invalid={reasonProblem !== null}
        onChange={(event) => {
          setReason(event.target.value);
          setReasonProblem(null);
        }}
      />
      {reasonProblem ? (
        <p role="alert" className="ho-error">
          {reasonProblem}
        </p>
      ) : null}
      {replay.isError ? (
        <p role="alert" className="ho-error">
          Could not replay the run: {replay.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button type="submit" disabled={!parsed.ok || replay.isPending || replay.isSuccess}>
          {replay.isPending || replay.isSuccess ? "Replaying…" : "Replay"}
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={replay.isPending}>
          Close
        </Button>
      </div>
    </form>
  );
}
