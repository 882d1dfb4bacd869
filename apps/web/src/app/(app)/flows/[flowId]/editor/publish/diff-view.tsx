"use client";

import type { FlowDocument } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { useTRPC } from "~/trpc/react";
import type { DiffHighlight } from "../editor-contract";
import { useFlowEditor } from "../use-flow-editor";
import { describeDiff } from "./describe-diff";
import { comparisonTitle, olderFirst, type VersionRef } from "./version-ref";
import "./publish.css";

/**
 * What changed between two versions (or a version and the draft): as a list of sentences, and on
 * the canvas through the editor's `diffHighlight` while this view is open.
 */
export function DiffView({ from, to, onClose }: { from: VersionRef; to: VersionRef; onClose?: () => void }) {
  const [older, newer] = olderFirst(from, to);
  const olderGraph = useGraph(older);
  const newerGraph = useGraph(newer);
  const title = comparisonTitle(older, newer);

  const described = useMemo(
    () => (olderGraph.graph && newerGraph.graph ? describeDiff(olderGraph.graph, newerGraph.graph) : null),
    [olderGraph.graph, newerGraph.graph],
  );
  useCanvasHighlight(described?.highlight ?? null);

  const error = olderGraph.error ?? newerGraph.error;
  return (
    <section className="ho-diff" aria-label={title}>
      <div className="ho-diff-header">
        <h3>{title}</h3>
        {onClose ? (
          <Button variant="secondary" onClick={onClose}>
            Close comparison
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="ho-error">
          Could not load the versions to compare: {error}
        </p>
      ) : !described ? (
        <p className="ho-muted">Loading the versions…</p>
      ) : (
        <>
          {described.entries.length === 0 ? (
            <p className="ho-muted">No changes{described.movedOnly > 0 ? " to what the flow does" : ""}.</p>
          ) : (
            <ul className="ho-diff-list">
              {described.entries.map((entry) => (
                <li key={`${entry.kind}:${entry.text}`} className={`ho-diff-entry ho-diff-${entry.kind}`}>
                  {entry.text}
                </li>
              ))}
            </ul>
          )}
          {described.movedOnly > 0 ? (
            <p className="ho-muted">
              {described.movedOnly === 1 ? "1 step was" : `${described.movedOnly} steps were`} only moved on the canvas.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** A version's graph from the server (immutable, so cached for good), or the editor's live draft. */
function useGraph(ref: VersionRef): { graph: FlowDocument | null; error: string | null } {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const version = useQuery({
    ...trpc.flows.version.queryOptions({ flowId: editor.flowId, number: typeof ref === "number" ? ref : 1 }),
    enabled: typeof ref === "number",
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (ref === "draft") return { graph: editor.draft, error: null };
  return { graph: version.data?.graph ?? null, error: version.error?.message ?? null };
}

/**
 * Hands the marks to the canvas while the view is open and takes them back when it closes. Keyed
 * by content, not identity: the editor object changes on every edit, and re-sending identical
 * marks on each render would loop through the editor's state.
 */
function useCanvasHighlight(highlight: DiffHighlight | null) {
  const editor = useFlowEditor();
  const setHighlight = useRef(editor.setDiffHighlight);
  setHighlight.current = editor.setDiffHighlight;
  const key = highlight ? JSON.stringify(highlight) : null;
  useEffect(() => {
    if (key === null) return;
    setHighlight.current?.(JSON.parse(key) as DiffHighlight);
    return () => setHighlight.current?.(null);
  }, [key]);
}
