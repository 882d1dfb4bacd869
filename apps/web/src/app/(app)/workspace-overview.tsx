"use client";

import { EmptyState, Stat } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";

export function WorkspaceOverview() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.workspace.overview.queryOptions());
  if (overview.isPending) return <p className="ho-muted">Loading your workspace…</p>;
  if (overview.isError) return <p className="ho-error">Could not load the workspace: {overview.error.message}</p>;
  const { name, counts } = overview.data;
  return (
    <>
      <h2 data-testid="workspace-name">{name}</h2>
      <div className="ho-stats">
        <Stat label="Flows" value={counts.flows} />
        <Stat label="Runs" value={counts.runs} />
        <Stat label="Connections" value={counts.connections} />
        <Stat label="People" value={counts.members} />
      </div>
      {counts.flows === 0 ? (
        <EmptyState
          title="No flows yet"
          description="Start from a template — appointment booked → CRM contact + draft invoice is the most common — or build your own."
          action={<Link href="/templates">Browse templates</Link>}
        />
      ) : null}
    </>
  );
}
