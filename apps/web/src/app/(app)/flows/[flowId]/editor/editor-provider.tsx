"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { type ReactNode, useMemo } from "react";
import { useTRPC } from "~/trpc/react";
import type { EditorConnections } from "./editor-contract";
import { EditorNoticesProvider } from "./editor-notices";
import { LoadedEditorProvider } from "./loaded-editor-provider";
import { serverDraftOf } from "./server-draft";
import { useDraftSession } from "./use-draft-session";

/** How often an open editor looks for someone else's save (the "second editor is told" check). */
const PRESENCE_POLL_MS = 10_000;

export interface FlowEditorProviderProps {
  flowId: string;
  canEdit: boolean;
  canPause: boolean;
  children: ReactNode;
}

/**
 * Loads the flow, the connector catalog and (for editors) the connections, then provides the
 * `FlowEditor` contract to everything inside. Shows the loading state and load errors itself.
 */
export function FlowEditorProvider({ flowId, canEdit, canPause, children }: FlowEditorProviderProps) {
  const trpc = useTRPC();
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ flowId }), refetchInterval: PRESENCE_POLL_MS });
  const catalog = useQuery({ ...trpc.flows.catalog.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const connections = useQuery({ ...trpc.connections.list.queryOptions(), enabled: canEdit, retry: false });
  const initial = useMemo(() => (flow.data ? serverDraftOf(flow.data) : undefined), [flow.data]);
  const draftSession = useDraftSession(flowId, initial);

  if (!flow.data) {
    if (flow.isError) return <FlowLoadError error={flow.error} />;
    return <p className="ho-muted">Loading the flow…</p>;
  }
  if (!draftSession) return <p className="ho-muted">Loading the flow…</p>;

  // A role that cannot read connections gets FORBIDDEN: to the step panel that means "none to choose".
  const visibleConnections: EditorConnections | undefined = !canEdit
    ? []
    : (connections.data ?? (connections.isError ? [] : undefined));

  return (
    <EditorNoticesProvider>
      <LoadedEditorProvider
        flowId={flowId}
        canEdit={canEdit}
        canPause={canPause}
        flow={flow.data}
        refetchFlow={flow.refetch}
        catalog={catalog.data}
        connections={visibleConnections}
        session={draftSession.session}
        snapshot={draftSession.snapshot}
      >
        {children}
      </LoadedEditorProvider>
    </EditorNoticesProvider>
  );
}

function FlowLoadError({ error }: { error: unknown }) {
  const notFound = error instanceof TRPCClientError && error.data?.code === "NOT_FOUND";
  return (
    <div role="alert" className="ho-panel">
      <p className="ho-error">
        {notFound
          ? "This flow does not exist, or it was deleted."
          : `Could not load this flow: ${error instanceof Error ? error.message : String(error)}`}
      </p>
      <Link href="/flows">Back to flows</Link>
    </div>
  );
}
