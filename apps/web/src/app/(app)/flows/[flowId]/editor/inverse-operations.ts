import {
  applyOperation,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  type FlowOperation,
  type OperationError,
  type Props,
} from "@handoff/flow-core";

export type AppliedWithInverse<G extends FlowGraph> =
  | { ok: true; graph: G; inverse: FlowOperation[] }
  | { ok: false; error: OperationError };

/**
 * Applies `operations` like `applyOperations` (all or nothing) and also returns the operations
 * that take the result back to `graph`: what undo applies. Each inverse is computed from the graph
 * just before its operation, and the inverses run in reverse order.
 */
export function applyWithInverse<G extends FlowGraph>(
  graph: G,
  operations: readonly FlowOperation[],
): AppliedWithInverse<G> {
  let current = graph;
  const inverses: FlowOperation[][] = [];
  for (const operation of operations) {
    const result = applyOperation(current, operation);
    if (!result.ok) return result;
    inverses.push(inverseOf(current, result.graph, operation));
    current = result.graph;
  }
  return { ok: true, graph: current, inverse: inverses.reverse().flat() };
}

/** The operations that turn `after` back into `before`, where `after` = `operation` applied to `before`. */
export function inverseOf(before: FlowGraph, after: FlowGraph, operation: FlowOperation): FlowOperation[] {
  switch (operation.type) {
    case "add_node":
      return [{ type: "remove_node", nodeId: operation.node.id }];
    case "remove_node": {
      const node = requireNode(before, operation.nodeId);
      const touching = before.edges.filter((edge) => edge.source === node.id || edge.target === node.id);
      return [{ type: "add_node", node }, ...touching.map(connectOp)];
    }
    case "connect":
      return [{ type: "disconnect", edgeId: operation.edge.id }];
    case "disconnect":
      return [connectOp(requireEdge(before, operation.edgeId))];
    default:
      // The rest change one node in place; a node losing a handle (a deleted paths branch) also
      // loses the edges on it, which undo must wire back.
      return [...restoreNode(requireNode(before, operation.nodeId), operation), ...droppedEdges(before, after)];
  }
}

type NodeUpdate = Exclude<FlowOperation, { type: "add_node" | "remove_node" | "connect" | "disconnect" }>;

function restoreNode(old: FlowNode, operation: NodeUpdate): FlowOperation[] {
  const nodeId = old.id;
  switch (operation.type) {
    case "move_node":
      return [{ type: "move_node", nodeId, position: old.position }];
    case "update_props":
      return [{ type: "update_props", nodeId, mode: "replace", props: propsOf(old) }];
    case "rename":
      return [{ type: "rename", nodeId, label: old.label }];
    case "update_node_settings":
      return [{ type: "update_node_settings", nodeId, settings: old.settings ?? null }];
    case "set_operation":
      if (old.type !== "trigger" && old.type !== "action") return [];
      return [{ type: "set_operation", nodeId, connector: old.connector, operation: old.operation, props: old.props }];
    case "set_connection":
      if (old.type !== "trigger" && old.type !== "action") return [];
      return [{ type: "set_connection", nodeId, connectionId: old.connectionId ?? null }];
  }
}

/** Node props as the generic record `update_props` takes; rule groups and paths are plain JSON too. */
function propsOf(node: FlowNode): Props {
  return node.props as unknown as Props;
}

function droppedEdges(before: FlowGraph, after: FlowGraph): FlowOperation[] {
  const kept = new Set(after.edges.map((edge) => edge.id));
  return before.edges.filter((edge) => !kept.has(edge.id)).map(connectOp);
}

function connectOp(edge: FlowEdge): FlowOperation {
  return { type: "connect", edge };
}

// applyOperation succeeded on `before`, so the node or edge an operation names is there.
function requireNode(graph: FlowGraph, nodeId: string): FlowNode {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw new Error(`inverseOf: no node "${nodeId}" before the operation`);
  return node;
}

function requireEdge(graph: FlowGraph, edgeId: string): FlowEdge {
  const edge = graph.edges.find((candidate) => candidate.id === edgeId);
  if (!edge) throw new Error(`inverseOf: no edge "${edgeId}" before the operation`);
  return edge;
}
