"use client";

import type { FlowDocument } from "@handoff/flow-core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { describeVersionChanges } from "./describe-version-changes";

export interface VersionChangesProps {
  flowId: string;
  /** The version the run ran, and its graph. */
  ran: { number: number; graph: FlowDocument };
  currentVersion: number;
}

/** The diff between the version a run ran and the flow's current one, when they differ. */
export function VersionChanges({ flowId, ran, currentVersion }: VersionChangesProps) {
  const trpc = useTRPC();
  const current = useQuery(trpc.flows.version.queryOptions({ flowId, number: currentVersion }));
  const changes = current.data ? describeVersionChanges(ran.graph, current.data.graph) : [];
  return (
    <details>
      <summary>
        Changes from version {ran.number} to the current version {currentVersion}
      </summary>
      {current.isPending ? <p className="ho-muted">Loading the current version…</p> : null}
      {current.isError ? (
        <p role="alert" className="ho-error">
          Could not load version {currentVersion}: {current.error.message}
        </p>
      ) : null}
      {current.isSuccess && changes.length === 0 ? (
        <p className="ho-muted">Nothing that changes what the flow does (steps may have been moved).</p>
      ) : null}
      {changes.length > 0 ? (
        <ul>
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
