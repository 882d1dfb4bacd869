"use client";

import "@xyflow/react/dist/style.css";
import { DEFAULT_HANDLE, type FlowOperation } from "@handoff/flow-core";
import {
  Background,
  type Connection,
  Controls,
  type Dimensions,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  type XYPosition,
} from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import { useEditorNotices } from "../editor-notices";
import { freshEdgeId } from "../fresh-ids";
import { useFlowEditor } from "../use-flow-editor";
import { CanvasToast } from "./canvas-toast";
import { type StepCanvasNode, toCanvasEdges, toCanvasNodes } from "./flow-to-canvas";
import { FollowSelection } from "./follow-selection";
import { CATEGORY_COLORS } from "./node-appearance";
import { NODE_TYPES } from "./node-types";
import { useCanvasShortcuts } from "./use-canvas-shortcuts";

/**
 * The flow on a React Flow canvas. Nodes and edges are computed from the draft; every change a
 * person makes here (move, connect, delete) becomes a flow operation through `apply`.
 */
export function FlowCanvas() {
  const editor = useFlowEditor();
  const { showToast } = useEditorNotices();
  const { draft, catalog, problems, testRun, diffHighlight, selectedNodeId, canEdit } = editor;
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const selectedEdgeId = selectedEdge && draft.edges.some((edge) => edge.id === selectedEdge) ? selectedEdge : null;

  const derived = useMemo(
    () => toCanvasNodes({ draft, catalog, problems, testRun, diffHighlight, selectedNodeId, canEdit }),
    [draft, catalog, problems, testRun, diffHighlight, selectedNodeId, canEdit],
  );
  // What React Flow measured and where a node is while being dragged: kept here, laid over the
  // nodes derived from the draft (without its measurements React Flow would hide and re-measure).
  const [measured, setMeasured] = useState<Record<string, Dimensions>>({});
  const [dragged, setDragged] = useState<Record<string, XYPosition>>({});
  const draggedRef = useRef(dragged);
  draggedRef.current = dragged;
  const nodes = useMemo(
    () =>
      derived.map((node) => {
        const size = measured[node.id];
        const at = dragged[node.id];
        return { ...node, ...(size ? { measured: size } : {}), ...(at ? { position: at, dragging: true } : {}) };
      }),
    [derived, measured, dragged],
  );
  const edges = useMemo(() => toCanvasEdges(draft, selectedEdgeId), [draft, selectedEdgeId]);

  const applyOrTell = useCallback(
    (operations: FlowOperation[]) => {
      const result = editor.apply(operations);
      if (!result.ok) showToast(result.message);
      return result.ok;
    },
    [editor.apply, showToast],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepCanvasNode>[]) => {
      const chosen = changes.find((change) => change.type === "select" && change.selected);
      if (chosen && chosen.type === "select") {
        editor.select(chosen.id);
        setSelectedEdge(null);
      }
      const sizes = changes.filter((change) => change.type === "dimensions" && change.dimensions);
      if (sizes.length > 0) {
        setMeasured((current) => {
          const next = { ...current };
          for (const change of sizes)
            if (change.type === "dimensions" && change.dimensions) next[change.id] = change.dimensions;
          return next;
        });
      }
      const moves = changes.filter((change) => change.type === "position");
      // A move that is not a drag's end comes from the keyboard (arrow keys on a focused node).
      const keyboardMoves: FlowOperation[] = moves.flatMap((change) =>
        change.type === "position" && !change.dragging && change.position && !draggedRef.current[change.id]
          ? [{ type: "move_node" as const, nodeId: change.id, position: rounded(change.position) }]
          : [],
      );
      if (keyboardMoves.length > 0) applyOrTell(keyboardMoves);
      if (moves.length > 0) {
        setDragged((current) => {
          const next = { ...current };
          for (const change of moves) {
            if (change.type !== "position") continue;
            // The drag's end is saved as move_node (onNodeDragStop); the draft then has the position.
            if (change.dragging && change.position) next[change.id] = change.position;
            else delete next[change.id];
          }
          return next;
        });
      }
    },
    [editor.select, applyOrTell],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const chosen = changes.find((change) => change.type === "select" && change.selected);
      if (chosen && chosen.type === "select") {
        setSelectedEdge(chosen.id);
        editor.select(null);
      }
    },
    [editor.select],
  );

  const onNodeDragStop: OnNodeDrag<StepCanvasNode> = useCallback(
    (_event, _node, dragged) => {
      const moves: FlowOperation[] = [];
      for (const node of dragged) {
        const before = draft.nodes.find((candidate) => candidate.id === node.id)?.position;
        const position = rounded(node.position);
        if (before && (before.x !== position.x || before.y !== position.y)) {
          moves.push({ type: "move_node", nodeId: node.id, position });
        }
      }
      if (moves.length > 0) applyOrTell(moves);
    },
    [draft, applyOrTell],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const handle = connection.sourceHandle ?? DEFAULT_HANDLE;
      const sourceHandle = handle === DEFAULT_HANDLE ? null : handle;
      const id = freshEdgeId(draft, connection.source, sourceHandle, connection.target);
      applyOrTell([
        { type: "connect", edge: { id, source: connection.source, sourceHandle, target: connection.target } },
      ]);
    },
    [draft, applyOrTell],
  );

  const clearSelection = useCallback(() => {
    editor.select(null);
    setSelectedEdge(null);
  }, [editor.select]);

  useCanvasShortcuts({
    enabled: canEdit,
    onUndo: editor.undo,
    onRedo: editor.redo,
    onDelete: () => {
      if (selectedEdgeId) {
        if (applyOrTell([{ type: "disconnect", edgeId: selectedEdgeId }])) setSelectedEdge(null);
      } else if (selectedNodeId) {
        if (applyOrTell([{ type: "remove_node", nodeId: selectedNodeId }])) editor.select(null);
      }
    },
  });

  return (
    <section className="fe-canvas" aria-label="Flow canvas">
      <ReactFlow<StepCanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onPaneClick={clearSelection}
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
        minZoom={0.2}
      >
        <Background gap={16} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Flow overview"
          nodeColor={(node) => CATEGORY_COLORS[(node as StepCanvasNode).data.category]}
        />
        <Controls showInteractive={false} />
        <FollowSelection draft={draft} nodeId={selectedNodeId} />
      </ReactFlow>
      <CanvasToast />
    </section>
  );
}

function rounded(position: XYPosition): XYPosition {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
