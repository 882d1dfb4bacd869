"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";
import { useRefreshFlow } from "./use-refresh-flow";

/**
 * "Roll back to this version", confirmed in place: the old version is republished as the next
 * number (history is never rewritten) and the draft is left as it is.
 */
export function RollbackButton({
  version,
  onRolledBack,
}: {
  version: number;
  onRolledBack: (message: string) => void;
}) {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const refreshFlow = useRefreshFlow();
  const [confirming, setConfirming] = useState(false);
  const rollback = useMutation(
    trpc.flows.rollback.mutationOptions({
      onSuccess: (result) => {
        setConfirming(false);
        onRolledBack(
          `Version ${version} is live again, published as version ${result.version}. Your draft is unchanged.`,
        );
        return refreshFlow();
      },
    }),
  );

  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Roll back to this version
      </Button>
    );
  }
  return (
    <fieldset className="ho-rollback-confirm">
      <legend>Make version {version} live again?</legend>
      <p>It is published as a new version; your draft stays as it is.</p>
      {rollback.isError ? (
        <p role="alert" className="ho-error">
          {rollback.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button
          variant="danger"
          disabled={rollback.isPending}
          onClick={() => rollback.mutate({ flowId: editor.flowId, toVersion: version })}
        >
          {rollback.isPending ? "Rolling back…" : `Roll back to version ${version}`}
        </Button>
        <Button variant="secondary" disabled={rollback.isPending} onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}
