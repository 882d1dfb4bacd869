import { type FlowDocument, type FlowNode, type FlowProblem, normalizeHandle } from "@handoff/flow-core";
import { type Edge, MarkerType, type Node } from "@xyflow/react";
import type { DiffMark, EditorCatalog, TestRunView } from "../editor-contract";
import { describeNode, type NodeCategory, type OutputHandle, outputHandles } from "./node-appearance";

export type StepNodeData = {
  label: string;
  kind: string;
  operation: string;
  category: NodeCategory;
  problemCount: number;
  test: { status: string; durationMs: number | null } | null;
  outputs: OutputHandle[];
  /** Triggers start the flow: nothing connects into them. */
  hasInput: boolean;
  diff: DiffMark | null;
};

export type StepCanvasNode = Node<StepNodeData, FlowNode["type"]>;

export interface CanvasInputs {
  draft: FlowDocument;
  catalog: EditorCatalog | undefined;
  problems: readonly FlowProblem[];
  testRun: TestRunView | null;
  diffHighlight: Record<string, DiffMark> | null | undefined;
  selectedNodeId: string | null;
  canEdit: boolean;
}

/** The React Flow nodes for the draft: the canvas is derived from the document, never the other way round. */
export function toCanvasNodes(inputs: CanvasInputs): StepCanvasNode[] {
  const problemCounts = new Map<string, number>();
  for (const problem of inputs.problems) {
    if (problem.nodeId) problemCounts.set(problem.nodeId, (problemCounts.get(problem.nodeId) ?? 0) + 1);
  }
  return inputs.draft.nodes.map((node) => {
    const appearance = describeNode(node, inputs.catalog);
    const step = inputs.testRun?.steps[node.id];
    return {
      id: node.id,
      type: node.type,
      position: node.position,
      selected: node.id === inputs.selectedNodeId,
      draggable: inputs.canEdit,
      connectable: inputs.canEdit,
      deletable: false,
      ariaLabel: node.label.trim() === "" ? node.id : node.label,
      domAttributes: { "data-testid": `node-${node.id}` } as StepCanvasNode["domAttributes"],
      data: {
        label: node.label.trim() === "" ? node.id : node.label,
        kind: appearance.kind,
        operation: appearance.operation,
        category: appearance.category,
        problemCount: problemCounts.get(node.id) ?? 0,
        test: step ? { status: step.status, durationMs: step.durationMs } : null,
        outputs: outputHandles(node),
        hasInput: node.type !== "trigger",
        diff: inputs.diffHighlight?.[node.id] ?? null,
      },
    };
  });
}

/** The React Flow edges; an edge leaving a named handle carries its name ("true", a path's label). */
export function toCanvasEdges(draft: FlowDocument, selectedEdgeId: string | null): Edge[] {
  const nodes = new Map(draft.nodes.map((node) => [node.id, node]));
  return draft.edges.map((edge) => {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    const handle = normalizeHandle(edge.sourceHandle);
    const label = source ? outputHandles(source).find((output) => output.id === handle)?.label : null;
    const from = source ? nameOf(source) : edge.source;
    const to = target ? nameOf(target) : edge.target;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: handle,
      type: "smoothstep",
      label: label ?? undefined,
      selected: edge.id === selectedEdgeId,
      deletable: false,
      markerEnd: { type: MarkerType.ArrowClosed },
      ariaLabel: label ? `${from} (${label}) to ${to}` : `${from} to ${to}`,
    };
  });
}

function nameOf(node: FlowNode): string {
  return node.label.trim() === "" ? node.id : node.label;
}
