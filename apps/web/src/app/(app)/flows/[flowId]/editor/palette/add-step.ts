import {
  allowedHandles,
  DEFAULT_HANDLE,
  type FlowDocument,
  type FlowNode,
  type FlowOperation,
  normalizeHandle,
  type Position,
  type TriggerNode,
} from "@handoff/flow-core";
import { freshEdgeId, freshNodeId } from "../fresh-ids";
import { newLogicNode } from "./logic-steps";
import type { ConnectorPaletteItem, PaletteItem } from "./palette-items";

/** Roughly a node's size on the canvas plus a gap. */
const COLUMN_WIDTH = 260;
const ROW_HEIGHT = 150;

export interface PlannedStep {
  nodeId: string;
  operations: FlowOperation[];
}

/**
 * What clicking a palette item does: a new node below the selected node (or the last one),
 * wired from the selected node's first free handle, so that clicking steps in order builds a chain.
 */
export function planAddStep(draft: FlowDocument, item: PaletteItem, selectedNodeId: string | null): PlannedStep {
  const nodeId = freshNodeId(draft, item.kind === "logic" ? item.nodeType : item.operation);
  if (item.kind === "trigger") return planTrigger(draft, item, nodeId);

  const selected = draft.nodes.find((node) => node.id === selectedNodeId);
  const handle = selected ? freeHandle(draft, selected) : undefined;
  const anchor = selected ?? draft.nodes.at(-1);
  const position = freeSpot(draft, anchor ? below(anchor, selected && handle ? handle : undefined) : { x: 0, y: 0 });
  const node: FlowNode =
    item.kind === "logic"
      ? newLogicNode(item.nodeType, nodeId, item.name, position)
      : {
          id: nodeId,
          type: "action",
          connector: item.connector,
          operation: item.operation,
          props: {},
          label: item.name,
          position,
        };
  const operations: FlowOperation[] = [{ type: "add_node", node }];
  if (selected && handle !== undefined) operations.push(connectOp(draft, selected.id, handle, nodeId));
  return { nodeId, operations };
}

/** Swaps the existing trigger for another event, keeping its place, its id and its outgoing edges. */
export function planReplaceTrigger(
  trigger: TriggerNode,
  item: ConnectorPaletteItem,
  currentOperationName: string | undefined,
): FlowOperation[] {
  const operations: FlowOperation[] = [
    { type: "set_operation", nodeId: trigger.id, connector: item.connector, operation: item.operation },
  ];
  // A connection belongs to one provider: it cannot follow the trigger to another app.
  if (trigger.connectionId && trigger.connector !== item.connector) {
    operations.push({ type: "set_connection", nodeId: trigger.id, connectionId: null });
  }
  // Keep a name the person chose; replace one that only named the old event.
  const label = trigger.label.trim();
  if (label === "" || label === currentOperationName) {
    operations.push({ type: "rename", nodeId: trigger.id, label: item.name });
  }
  return operations;
}

function planTrigger(draft: FlowDocument, item: ConnectorPaletteItem, nodeId: string): PlannedStep {
  const top = draft.nodes.reduce<FlowNode | undefined>(
    (highest, node) => (highest === undefined || node.position.y < highest.position.y ? node : highest),
    undefined,
  );
  const position = top ? freeSpot(draft, { x: top.position.x, y: top.position.y - ROW_HEIGHT }) : { x: 0, y: 0 };
  const node: FlowNode = {
    id: nodeId,
    type: "trigger",
    connector: item.connector,
    operation: item.operation,
    props: {},
    label: item.name,
    position,
  };
  const operations: FlowOperation[] = [{ type: "add_node", node }];
  // A trigger deleted and added again goes back in front of the steps it started.
  const targets = new Set(draft.edges.map((edge) => edge.target));
  const roots = draft.nodes.filter((candidate) => !targets.has(candidate.id));
  const root = roots.length === 1 ? roots[0] : undefined;
  if (root) operations.push(connectOp({ ...draft, nodes: [...draft.nodes, node] }, nodeId, DEFAULT_HANDLE, root.id));
  return { nodeId, operations };
}

/** The node's first handle with no edge on it. */
export function freeHandle(draft: FlowDocument, node: FlowNode): string | undefined {
  const used = new Set(
    draft.edges.filter((edge) => edge.source === node.id).map((edge) => normalizeHandle(edge.sourceHandle)),
  );
  return allowedHandles(node).find((handle) => !used.has(handle));
}

/** One row down; a branch's handles fan out left to right under the node. */
function below(anchor: FlowNode, handle: string | undefined): Position {
  const handles = allowedHandles(anchor);
  const index = handle === undefined ? -1 : handles.indexOf(handle);
  const offset = index < 0 ? 0 : (index - (handles.length - 1) / 2) * COLUMN_WIDTH;
  return { x: Math.round(anchor.position.x + offset), y: anchor.position.y + ROW_HEIGHT };
}

/** Moves right until no node sits there. */
function freeSpot(draft: FlowDocument, wanted: Position): Position {
  let position = wanted;
  const overlaps = (at: Position) =>
    draft.nodes.some(
      (node) =>
        Math.abs(node.position.x - at.x) < COLUMN_WIDTH - 30 && Math.abs(node.position.y - at.y) < ROW_HEIGHT - 40,
    );
  while (overlaps(position)) position = { x: position.x + COLUMN_WIDTH, y: position.y };
  return position;
}

function connectOp(graph: FlowDocument, source: string, handle: string, target: string): FlowOperation {
  // The default handle is stored as null, like edges drawn on the canvas.
  const sourceHandle = handle === DEFAULT_HANDLE ? null : handle;
  return {
    type: "connect",
    edge: { id: freshEdgeId(graph, source, sourceHandle, target), source, sourceHandle, target },
  };
}
