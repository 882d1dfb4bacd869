"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import type { FlowListItem } from "./types";
import { useRefreshFlows } from "./use-refresh-flows";

/** The second step of deleting: says what deleting does, then deletes or backs out. */
export function DeleteFlowConfirmation({
  flow,
  onCancel,
  onDeleted,
}: {
  flow: FlowListItem;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const trpc = useTRPC();
  const refreshFlows = useRefreshFlows();
  const remove = useMutation(
    trpc.flows.delete.mutationOptions({
      onSuccess: async () => {
        // Said before the refresh removes this row, so the notice does not wait on the list.
        onDeleted();
        await refreshFlows();
      },
    }),
  );

  return (
    <div>
      <div className="ho-actions">
        <span>Delete “{flow.name}”? Its history stays; it stops running.</span>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ flowId: flow.id })}>
          {remove.isPending ? "Deleting…" : "Delete flow"}
        </Button>
        <Button variant="secondary" disabled={remove.isPending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {remove.isError ? (
        <p role="alert" className="ho-error">
          {remove.error.message}
        </p>
      ) : null}
    </div>
  );
}
