"use client";

import "../editor/editor.css";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { FlowCanvas } from "../editor/canvas/flow-canvas";
import type { DiffHighlight } from "../editor/editor-contract";
import { EditorNoticesProvider } from "../editor/editor-notices";
import { DiffView } from "../editor/publish";
import { readOnlyEditor } from "../editor/read-only-editor";
import { StepPanel } from "../editor/step-panel";
import { FlowEditorContext } from "../editor/use-flow-editor";

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * One published version as it ran (`/flows/<id>?version=N`, linked from a run): its canvas,
 * read-only, each step's settings on selection, and what changed between it and the version
 * running now — on the canvas and as a list.
 */
export function VersionViewPage({ flowId, number }: { flowId: string; number: number }) {
  const trpc = useTRPC();
  const flow = useQuery(trpc.flows.get.queryOptions({ flowId }));
  const version = useQuery({
    ...trpc.flows.version.queryOptions({ flowId, number }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const versions = useQuery(trpc.flows.versions.queryOptions({ flowId }));
  const catalog = useQuery({ ...trpc.flows.catalog.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const [selectedNodeId, select] = useState<string | null>(null);
  const [diffHighlight, setDiffHighlight] = useState<DiffHighlight | null>(null);
  const current = flow.data?.currentVersion?.number ?? null;

  const editor = useMemo(
    () =>
      flow.data && version.data
        ? readOnlyEditor({
            flowId,
            name: flow.data.name,
            graph: version.data.graph,
            catalog: catalog.data,
            selectedNodeId,
            select,
            refusal: `Version ${number} is published and cannot change: open the editor to change the flow.`,
            currentVersion: current,
            diffHighlight,
            setDiffHighlight,
          })
        : null,
    [flowId, flow.data, version.data, catalog.data, selectedNodeId, number, current, diffHighlight],
  );

  const error = flow.error ?? version.error;
  if (error) {
    return (
      <div role="alert" className="ho-panel">
        <p className="ho-error">
          Could not load version {number} of this flow: {error.message}
        </p>
        <Link href={`/flows/${flowId}`}>Open the flow</Link>
      </div>
    );
  }
  if (!editor || !version.data) return <p className="ho-muted">Loading version {number}…</p>;

  const author = versions.data?.find((candidate) => candidate.number === number)?.author ?? null;
  return (
    <EditorNoticesProvider>
      <FlowEditorContext.Provider value={editor}>
        <div className="fe-editor">
          <div className="fe-toolbar">
            <Link href={`/flows/${flowId}`} className="fe-back">
              ← Open the editor
            </Link>
            <h1 className="fe-version-title">
              {editor.name} — version {number}
            </h1>
            <span className="ho-badge">Read-only</span>
            {current === number ? <span className="ho-badge ho-badge-ok">Running now</span> : null}
            <span className="ho-muted">
              {version.data.message || "No message"} · {author ?? "Unknown author"} ·{" "}
              <time dateTime={version.data.createdAt.toISOString()}>{timeFormat.format(version.data.createdAt)}</time>
            </span>
          </div>
          <div className="fe-body fe-body-read-only">
            <FlowCanvas />
            <aside className="fe-side" aria-label="Changes and step">
              <div className="fe-tab-panel">
                {current === null ? (
                  <p className="ho-muted">No version of this flow is published now.</p>
                ) : current === number ? (
                  <p className="ho-muted">This is the version that runs now.</p>
                ) : (
                  <DiffView from={number} to={current} />
                )}
                <StepPanel />
              </div>
            </aside>
          </div>
        </div>
      </FlowEditorContext.Provider>
    </EditorNoticesProvider>
  );
}
