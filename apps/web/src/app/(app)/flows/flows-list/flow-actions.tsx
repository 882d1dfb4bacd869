"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { statusToggle } from "./flow-labels";
import type { FlowListItem } from "./types";
import { useRefreshFlows } from "./use-refresh-flows";

export type RowMode = "view" | "rename" | "delete";

/**
 * A row's buttons, each named with the flow ("Pause Booking → invoice") so that it can be told
 * apart from the same button on the next row. Which ones show follows the role; the server checks
 * again.
 */
export function FlowActions({
  flow,
  mode,
  onModeChange,
  onNotice,
  canEdit,
  canPause,
}: {
  flow: FlowListItem;
  mode: RowMode;
  onModeChange: (mode: RowMode) => void;
  onNotice: (notice: string) => void;
  canEdit: boolean;
  canPause: boolean;
}) {
  const trpc = useTRPC();
  const refreshFlows = useRefreshFlows();
  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: async (copy) => {
        await refreshFlows();
        onNotice(`Duplicated “${flow.name}” as “${copy.name}”, a draft.`);
      },
    }),
  );
  const setStatus = useMutation(
    trpc.flows.setStatus.mutationOptions({
      onSuccess: async ({ status }) => {
        await refreshFlows();
        onNotice(
          status === "paused"
            ? `Paused “${flow.name}”: it takes no new events until it is resumed.`
            : `Resumed “${flow.name}”.`,
        );
      },
    }),
  );
  const toggle = canPause ? statusToggle(flow.status) : null;
  const busy = duplicate.isPending || setStatus.isPending;
  const error = duplicate.error ?? setStatus.error;

  function toggleMode(next: RowMode) {
    duplicate.reset();
    setStatus.reset();
    onModeChange(mode === next ? "view" : next);
  }

  return (
    <>
      <div className="ho-actions">
        {canEdit ? (
          <Button
            variant="secondary"
            aria-label={`Rename ${flow.name}`}
            aria-expanded={mode === "rename"}
            onClick={() => toggleMode("rename")}
          >
            Rename
          </Button>
        ) : null}
        {canEdit ? (
          <Button
            variant="secondary"
            aria-label={`Duplicate ${flow.name}`}
            disabled={busy}
            onClick={() => {
              setStatus.reset();
              duplicate.mutate({ flowId: flow.id });
            }}
          >
            {duplicate.isPending ? "Duplicating…" : "Duplicate"}
          </Button>
        ) : null}
        {toggle ? (
          <Button
            variant="secondary"
            aria-label={`${toggle.verb} ${flow.name}`}
            disabled={busy}
            onClick={() => {
              duplicate.reset();
              setStatus.mutate({ flowId: flow.id, status: toggle.next });
            }}
          >
            {setStatus.isPending ? toggle.busyText : toggle.verb}
          </Button>
        ) : null}
        {canEdit ? (
          <Button
            variant="secondary"
            aria-label={`Delete ${flow.name}`}
            aria-expanded={mode === "delete"}
            onClick={() => toggleMode("delete")}
          >
            Delete
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="ho-error">
          {error.message}
        </p>
      ) : null}
    </>
  );
}
