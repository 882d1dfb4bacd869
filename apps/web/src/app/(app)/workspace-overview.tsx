"use client";

import { EmptyState } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import "./dashboard/dashboard.css";

/** The workspace and what it holds, above its sync health; the way in when it has no flow yet. */
export function WorkspaceOverview() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.workspace.overview.queryOptions());
  if (overview.isPending) return <p className="ho-muted">Loading your workspace…</p>;
  if (overview.isError) {
    return (
      <p className="ho-error" role="alert">
        Could not load the workspace: {overview.error.message}
      </p>
    );
  }
  const { name, counts } = overview.data;
  return (
    <>
      <h2 data-testid="workspace-name">{name}</h2>
      <ul className="ho-muted db-workspace-summary" aria-label="Workspace contents">
        <li>Flows: {counts.flows}</li>
        <li>Connections: {counts.connections}</li>
        <li>People: {counts.members}</li>
      </ul>
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
