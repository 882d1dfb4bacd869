"use client";

import { PageHeader } from "@handoff/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import { ACTIVE_RUN_STATUSES, runTitle } from "../run-format";
import { findDocumentLinks } from "./document-links";
import { RunActions } from "./run-actions";
import { RunHeader } from "./run-header";
import { StepTimeline } from "./step-timeline";
import "./run-detail.css";

/** How often a run that is still moving is read again, so a retry or replay shows its progress. */
const POLL_MS = 1_000;

/** One run: its facts, the actions a role allows, and the timeline of its steps. */
export function RunDetailView({ runId, canOperate }: { runId: string; canOperate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.runs.get.queryOptions({ runId }),
    refetchInterval: (query) => (ACTIVE_RUN_STATUSES.has(query.state.data?.status ?? "") ? POLL_MS : false),
  });
  const flowId = run.data?.flowId;
  const version = run.data?.version ?? null;
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ flowId: flowId ?? "" }), enabled: flowId !== undefined });
  const ran = useQuery({
    ...trpc.flows.version.queryOptions({ flowId: flowId ?? "", number: version ?? 1 }),
    enabled: flowId !== undefined && version !== null,
  });

  if (run.isPending) {
    return (
      <>
        <PageHeader title="Run" />
        <p className="ho-muted">Loading the run…</p>
      </>
    );
  }
  if (run.isError) {
    return (
      <>
        <PageHeader title="Run" />
        <p role="alert" className="ho-error">
          Could not load the run: {run.error.message}
        </p>
        <Link href="/runs">Back to runs</Link>
      </>
    );
  }

  const detail = run.data;
  // Labels of the exact version the run ran; a test run ran the draft.
  const graph = version === null ? flow.data?.draft : ran.data?.graph;
  const labels = new Map(graph?.nodes.map((node) => [node.id, node.label || node.id]));
  const labelOf = (nodeId: string) => labels.get(nodeId) ?? nodeId;
  const documents = detail.steps.flatMap((step) => findDocumentLinks(step.output));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ runId }) });

  return (
    <div className="ho-run-detail">
      <PageHeader title={runTitle(detail)} description={flow.data ? `A run of “${flow.data.name}”` : undefined} />
      <p>
        <Link href="/runs">← All runs</Link>
      </p>
      {flow.isError ? (
        <p role="alert" className="ho-error">
          Could not load the flow: {flow.error.message}
        </p>
      ) : null}
      {ran.isError ? (
        <p role="alert" className="ho-error">
          Could not load version {version}: {ran.error.message}
        </p>
      ) : null}
      <RunHeader
        run={detail}
        flow={
          flow.data ? { name: flow.data.name, currentVersion: flow.data.currentVersion?.number ?? null } : undefined
        }
        ranGraph={ran.data?.graph}
        labelOf={labelOf}
        documents={dedupe(documents)}
      />
      {canOperate ? <RunActions run={detail} onChanged={refresh} /> : null}
      <section className="ho-panel" aria-label="Timeline">
        <h2>Steps</h2>
        <StepTimeline
          runId={detail.id}
          runStatus={detail.status}
          steps={detail.steps}
          labelOf={labelOf}
          canReplay={canOperate && version !== null}
        />
      </section>
    </div>
  );
}

function dedupe<T extends { href: string }>(links: readonly T[]): T[] {
  return [...new Map(links.map((link) => [link.href, link])).values()];
}
