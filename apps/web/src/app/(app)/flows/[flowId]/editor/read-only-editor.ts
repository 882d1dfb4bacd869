import type { FlowDocument } from "@handoff/flow-core";
import type { DiffHighlight, EditorCatalog, FlowEditor } from "./editor-contract";

export interface ReadOnlyEditorInputs {
  /** The flow's id when the graph is one of its versions; "" for a template. */
  flowId?: string;
  name: string;
  graph: FlowDocument;
  catalog: EditorCatalog | undefined;
  selectedNodeId: string | null;
  select: (nodeId: string | null) => void;
  /** Why nothing can be changed here, for anything that tries. */
  refusal: string;
  currentVersion?: number | null;
  diffHighlight?: DiffHighlight | null;
  setDiffHighlight?: (highlight: DiffHighlight | null) => void;
}

/**
 * The editor contract for a graph that is only looked at — a template, or a published version:
 * no draft session, no saving, every change refused. The canvas and the step panel read
 * everything through this contract, so they show it without knowing it is not a draft
 * (`canEdit: false` already makes them read-only).
 */
export function readOnlyEditor(inputs: ReadOnlyEditorInputs): FlowEditor {
  const { flowId = "", name, graph, catalog, selectedNodeId, select, refusal } = inputs;
  return {
    flowId,
    canEdit: false,
    canPause: false,
    name,
    status: "draft",
    currentVersion: inputs.currentVersion ?? null,
    hookUrl: "",
    draft: graph,
    revision: 0,
    unsaved: [],
    save: { state: "saved" },
    // Nothing here will be saved or published: no problems to flag on the canvas.
    problems: [],
    selectedNodeId,
    testRun: null,
    catalog,
    connections: [],
    apply: () => ({ ok: false, message: refusal }),
    undo: () => {},
    redo: () => {},
    canUndo: false,
    canRedo: false,
    select,
    reload: async () => {},
    flush: async () => 0,
    setTestRun: () => {},
    diffHighlight: inputs.diffHighlight ?? null,
    ...(inputs.setDiffHighlight ? { setDiffHighlight: inputs.setDiffHighlight } : {}),
  };
}
