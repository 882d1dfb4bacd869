"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { flowNameProblem } from "./flow-name";
import type { FlowListItem } from "./types";
import { useRefreshFlows } from "./use-refresh-flows";

/** Renames a flow in place, in its row's name cell. */
export function RenameFlowForm({ flow, onDone }: { flow: FlowListItem; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshFlows = useRefreshFlows();
  const rename = useMutation(trpc.flows.rename.mutationOptions({ onSuccess: () => refreshFlows() }));
  const [name, setName] = useState(flow.name);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = `rename-flow-${flow.id}-error`;

  useEffect(() => {
    input.current?.select();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = flowNameProblem(name);
    setProblem(found);
    if (found) return;
    // Saving the same name would only add a meaningless audit entry.
    if (name.trim() === flow.name) return onDone();
    rename.mutate({ flowId: flow.id, name: name.trim() }, { onSuccess: onDone });
  }

  const error = problem ?? (rename.isError ? rename.error.message : null);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Rename ${flow.name}`}>
      <div className="ho-actions">
        <input
          ref={input}
          name="name"
          aria-label={`New name for ${flow.name}`}
          autoComplete="off"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape" && !rename.isPending) onDone();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save"}
        </Button>
        <Button variant="secondary" disabled={rename.isPending} onClick={onDone}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" id={errorId} className="ho-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
