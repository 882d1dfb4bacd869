"use client";

import { Button, EmptyState, PageHeader } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { FlowsTable } from "./flows-table";
import { NEW_FLOW_FORM_ID, NewFlowForm } from "./new-flow-form";

/**
 * The flows page below the guard: header with "New flow", the list (or what to do when there is
 * none), and the outcome of the last change made from it.
 */
export function FlowsOverview({ canEdit, canPause }: { canEdit: boolean; canPause: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.flows.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isEmpty = list.isSuccess && list.data.length === 0;

  const newFlowButton = canEdit ? (
    <Button
      aria-expanded={creating}
      aria-controls={creating ? NEW_FLOW_FORM_ID : undefined}
      onClick={() => {
        setNotice(null);
        setCreating(true);
      }}
    >
      New flow
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Flows"
        description="Trigger → condition → action handoffs between your tools."
        // With no flows the empty state offers it; one "New flow" button on the page is enough.
        actions={isEmpty ? undefined : newFlowButton}
      />
      {creating ? <NewFlowForm onCancel={() => setCreating(false)} /> : null}
      {notice ? (
        <p role="status" className="ho-notice">
          {notice}
        </p>
      ) : null}
      {list.isPending ? <p className="ho-muted">Loading flows…</p> : null}
      {list.isError ? (
        <p role="alert" className="ho-error">
          Could not load the flows: {list.error.message}
        </p>
      ) : null}
      {isEmpty ? (
        <EmptyState
          title="No flows yet"
          description="Start from a template — appointment booked → CRM contact + draft invoice is the most common — or build your own on the canvas."
          action={
            <>
              <Link href="/templates">Browse templates</Link>
              {newFlowButton}
            </>
          }
        />
      ) : null}
      {list.isSuccess && list.data.length > 0 ? (
        <FlowsTable flows={list.data} canEdit={canEdit} canPause={canPause} onNotice={setNotice} />
      ) : null}
    </>
  );
}
