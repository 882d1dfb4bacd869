"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { KIND_LABELS } from "./attention-filters";
import type { AttentionItem } from "./types";
import { useModalDialog } from "./use-modal-dialog";

const MAX_REASON_LENGTH = 500;

/** "Dismiss with a reason": the only way out of the queue that does not fix anything, so it says why. */
export function DismissDialog({
  item,
  onClose,
  onDismissed,
}: {
  item: AttentionItem | null;
  onClose: () => void;
  onDismissed: (item: AttentionItem) => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const dialogRef = useModalDialog(item !== null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const dismiss = useMutation(trpc.attention.dismiss.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!item) return;
    if (!reason.trim()) {
      setProblem("Give a reason for dismissing it: it is kept in the audit trail");
      return;
    }
    dismiss.mutate(
      { kind: item.kind, id: item.id, reason: reason.trim() },
      {
        onSuccess: async () => {
          setReason("");
          await onDismissed(item);
          onClose();
        },
      },
    );
  }

  return (
    <dialog ref={dialogRef} className="ho-attention-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>Dismiss this item</h2>
        {item ? (
          <p className="ho-muted">
            {KIND_LABELS[item.kind]}: {item.title}. It leaves the queue and nothing is retried; the reason is kept in
            the audit trail.
          </p>
        ) : null}
        <div className="ho-field">
          <label htmlFor={reasonId}>Reason</label>
          <textarea
            id={reasonId}
            rows={3}
            maxLength={MAX_REASON_LENGTH}
            required
            aria-invalid={problem !== null}
            placeholder="e.g. Handled by phone with the customer"
            value={reason}
            disabled={dismiss.isPending}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
          />
        </div>
        {problem ? (
          <p role="alert" className="ho-error">
            {problem}
          </p>
        ) : null}
        {dismiss.isError ? (
          <p role="alert" className="ho-error">
            Could not dismiss it: {dismiss.error.message}
          </p>
        ) : null}
        <div className="ho-actions">
          <Button type="submit" variant="danger" disabled={dismiss.isPending}>
            {dismiss.isPending ? "Dismissing…" : "Dismiss"}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={dismiss.isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
