"use client";

import { Button } from "@handoff/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { candidateLabel, describeResolution, type ResolveChoice } from "./describe-resolution";
import type { AttentionItem } from "./types";
import { useModalDialog } from "./use-modal-dialog";

const CREATE_NEW = "create_new";

/**
 * "Which record is this customer?": one of the records the action found, or none of them. The
 * choice goes to the identity map, and the run the conflict blocked is retried with it.
 */
export function ResolveIdentityDialog({
  item,
  onClose,
  onResolved,
}: {
  item: AttentionItem | null;
  onClose: () => void;
  onResolved: (message: string) => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const dialogRef = useModalDialog(item !== null);
  const titleId = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const review = useQuery({
    ...trpc.attention.identityReview.queryOptions({ id: item?.id ?? "" }),
    enabled: item !== null,
  });
  const resolve = useMutation(trpc.attention.resolveIdentityReview.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!item || !review.data) return;
    if (!choice) {
      setProblem("Choose the record that is this customer, or “None of these”");
      return;
    }
    const decision: ResolveChoice =
      choice === CREATE_NEW ? { kind: "create_new" } : { kind: "same_as", externalId: choice };
    const loaded = review.data;
    resolve.mutate(
      { id: item.id, decision },
      {
        onSuccess: async (result) => {
          setChoice(null);
          await onResolved(describeResolution(loaded, decision, result));
          onClose();
        },
      },
    );
  }

  const keys = review.data?.keys;
  const lookingFor = [keys?.name, keys?.email, keys?.phone].filter(Boolean).join(" · ");
  return (
    <dialog ref={dialogRef} className="ho-attention-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>Resolve identity conflict</h2>
        {review.isPending && item ? <p className="ho-muted">Loading the records…</p> : null}
        {review.isError ? (
          <p role="alert" className="ho-error">
            Could not load the conflict: {review.error.message}
          </p>
        ) : null}
        {review.data ? (
          <>
            <p className="ho-muted">
              The step looked for <strong>{lookingFor || "a customer"}</strong> and found several {review.data.provider}{" "}
              records. Handoff never guesses: which one is this customer?
            </p>
            <fieldset className="ho-attention-choices">
              <legend>Same customer as</legend>
              {review.data.candidates.map((candidate) => (
                <label key={candidate.externalId}>
                  <input
                    type="radio"
                    name="identity-choice"
                    value={candidate.externalId}
                    checked={choice === candidate.externalId}
                    onChange={() => {
                      setChoice(candidate.externalId);
                      setProblem(null);
                    }}
                  />
                  {candidateLabel(review.data, candidate)}
                </label>
              ))}
              <label>
                <input
                  type="radio"
                  name="identity-choice"
                  value={CREATE_NEW}
                  checked={choice === CREATE_NEW}
                  onChange={() => {
                    setChoice(CREATE_NEW);
                    setProblem(null);
                  }}
                />
                None of these — create new
              </label>
            </fieldset>
            {choice === CREATE_NEW ? (
              <p className="ho-notice">
                The blocked run is retried and continues: its step creates a new {review.data.provider} record for this
                customer, and later runs find that record instead of asking again.
              </p>
            ) : null}
          </>
        ) : null}
        {problem ? (
          <p role="alert" className="ho-error">
            {problem}
          </p>
        ) : null}
        {resolve.isError ? (
          <p role="alert" className="ho-error">
            Could not resolve it: {resolve.error.message}
          </p>
        ) : null}
        <div className="ho-actions">
          <Button type="submit" disabled={resolve.isPending || !review.data}>
            {resolve.isPending ? "Resolving…" : "Resolve"}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={resolve.isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
