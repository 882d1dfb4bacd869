"use client";

import "../../flows/[flowId]/editor/editor.css";
import type { FlowDocument } from "@handoff/flow-core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { FlowCanvas } from "../../flows/[flowId]/editor/canvas/flow-canvas";
import { EditorNoticesProvider } from "../../flows/[flowId]/editor/editor-notices";
import { readOnlyEditor } from "../../flows/[flowId]/editor/read-only-editor";
import { FlowEditorContext } from "../../flows/[flowId]/editor/use-flow-editor";

const REFUSAL = "This is a template: use it to get a flow of your own that you can change.";

/** The template's flow on the editor's own canvas, read-only: pan, zoom and select, nothing more. */
export function TemplateCanvas({ name, graph }: { name: string; graph: FlowDocument }) {
  const trpc = useTRPC();
  // Names each step's app and operation as the editor does; the canvas draws without it meanwhile.
  const catalog = useQuery({ ...trpc.flows.catalog.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const [selectedNodeId, select] = useState<string | null>(null);
  const editor = useMemo(
    () => readOnlyEditor({ name, graph, catalog: catalog.data, selectedNodeId, select, refusal: REFUSAL }),
    [name, graph, catalog.data, selectedNodeId],
  );
  return (
    <div className="tp-canvas">
      <EditorNoticesProvider>
        <FlowEditorContext.Provider value={editor}>
          <FlowCanvas />
        </FlowEditorContext.Provider>
      </EditorNoticesProvider>
    </div>
  );
}
