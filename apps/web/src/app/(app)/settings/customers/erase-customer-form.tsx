"use client";

import { Button, Field } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { ErasureCounts } from "./describe-erasure";
import type { CustomerSummary } from "./types";

/** "Erase…" opens the form: a reason for the audit trail and the email typed again, checked by the server. */
export function EraseCustomerForm({
  query,
  confirmWith,
  onErased,
}: {
  query: string;
  confirmWith: CustomerSummary["confirmWith"];
  onErased: (erasure: ErasureCounts) => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const erase = useMutation(trpc.customers.erase.mutationOptions({ onSuccess: (erasure) => onErased(erasure) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    erase.mutate({
      query,
      reason: String(data.get("reason") ?? ""),
      confirmation: String(data.get("confirmation") ?? ""),
    });
  }

  if (!open) {
    return (
      <div className="ho-actions">
        <Button variant="danger" onClick={() => setOpen(true)}>
          Erase…
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="erase-heading">
      <h3 id="erase-heading">Erase this customer</h3>
      <p>
        Their runs are kept for your counts but their contents are replaced; their identity links, identity reviews and
        customer record are deleted. This cannot be undone.
      </p>
      <div className="ho-field">
        <label htmlFor="erase-reason">Reason for erasing</label>
        <textarea id="erase-reason" name="reason" rows={2} maxLength={500} required />
      </div>
      <p className="ho-muted">Kept in the audit trail: say why (e.g. the customer's request and its date), not who.</p>
      <Field
        label={`Type the customer's ${confirmWith.kind} to confirm`}
        name="confirmation"
        autoComplete="off"
        placeholder={confirmWith.value}
        required
      />
      {erase.isError ? (
        <p role="alert" className="ho-error">
          {erase.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button type="submit" variant="danger" disabled={erase.isPending}>
          {erase.isPending ? "Erasing…" : "Erase permanently"}
        </Button>
        <Button
          variant="secondary"
          disabled={erase.isPending}
          onClick={() => {
            erase.reset();
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
