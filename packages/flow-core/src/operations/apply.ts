import type { FlowGraph } from "../graph/graph-index";
import { allowedHandles, normalizeHandle } from "../handles";
import type { FlowEdge } from "../schema/document";
import { type FlowNode, ZFlowNode } from "../schema/node";
import { nodeName } from "../validation/problems";
import { checkBranchKeys } from "../validation/rules";
import { connectError } from "./connect";
import { type FlowOperation, type OperationError, type OperationResult, ZFlowOperation } from "./schema";

type Change = { nodes: FlowNode[]; edges: FlowEdge[] } | OperationError;

function fail(error: OperationError): { ok: false; error: OperationError } {
  return { ok: false, error };
}

/** Re-checks a changed node against its schema so an edit can never leave a malformed node behind. */
function checkedNode(candidate: unknown, nodeId: string): FlowNode | OperationError {
  const parsed = ZFlowNode.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
    return {
      code: "invalid_node",
      nodeId,
      message: `Node "${nodeId}" would be invalid: ${where}${issue?.message ?? "invalid"}`,
    };
  }
  const duplicate = checkBranchKeys(parsed.data)[0];
  if (duplicate) return { code: "invalid_node", nodeId, message: duplicate.message };
  return parsed.data;
}

function addNode(graph: FlowGraph, node: FlowNode): Change {
  if (graph.nodes.some((existing) => existing.id === node.id)) {
    return { code: "duplicate_node_id", nodeId: node.id, message: `A node with id "${node.id}" already exists` };
  }
  const trigger = graph.nodes.find((existing) => existing.type === "trigger");
  if (node.type === "trigger" && trigger) {
    return { code: "second_trigger", nodeId: node.id, message: `The flow already has a trigger, ${nodeName(trigger)}` };
  }
  const checked = checkedNode(node, node.id);
  if ("code" in checked) return checked;
  return { nodes: [...graph.nodes, checked], edges: [...graph.edges] };
}

/** Applies `update` to one node, then drops edges whose handle the node no longer has (a deleted paths branch). */
function updateNode(graph: FlowGraph, nodeId: string, update: (node: FlowNode) => unknown): Change {
  const current = graph.nodes.find((node) => node.id === nodeId);
  if (!current) return { code: "node_not_found", nodeId, message: `No node "${nodeId}"` };
  const checked = checkedNode(update(current), nodeId);
  if ("code" in checked) return checked;
  const handles = allowedHandles(checked);
  const edges = graph.edges.filter(
    (edge) => edge.source !== nodeId || handles.includes(normalizeHandle(edge.sourceHandle)),
  );
  return { nodes: graph.nodes.map((node) => (node.id === nodeId ? checked : node)), edges };
}

function setOperation(graph: FlowGraph, op: Extract<FlowOperation, { type: "set_operation" }>): Change {
  const current = graph.nodes.find((node) => node.id === op.nodeId);
  if (current && current.type !== "trigger" && current.type !== "action") {
    return {
      code: "not_a_connector_node",
      nodeId: op.nodeId,
      message: `${nodeName(current)} is a ${current.type} node, not a trigger or action`,
    };
  }
  return updateNode(graph, op.nodeId, (node) => ({
    ...node,
    connector: op.connector,
    operation: op.operation,
    props: op.props ?? {},
  }));
}

function removeNode(graph: FlowGraph, nodeId: string): Change {
  if (!graph.nodes.some((node) => node.id === nodeId))
    return { code: "node_not_found", nodeId, message: `No node "${nodeId}"` };
  return {
    nodes: graph.nodes.filter((node) => node.id !== nodeId),
    edges: graph.edges.filter((edge) => edge.source !== nodeId && edge.target !== nodeId),
  };
}

function disconnect(graph: FlowGraph, edgeId: string): Change {
  if (!graph.edges.some((edge) => edge.id === edgeId))
    return { code: "edge_not_found", edgeId, message: `No edge "${edgeId}"` };
  return { nodes: [...graph.nodes], edges: graph.edges.filter((edge) => edge.id !== edgeId) };
}

function connect(graph: FlowGraph, edge: FlowEdge): Change {
  const error = connectError(graph, edge);
  return error ?? { nodes: [...graph.nodes], edges: [...graph.edges, edge] };
}

function change(graph: FlowGraph, op: FlowOperation): Change {
  switch (op.type) {
    case "add_node":
      return addNode(graph, op.node);
    case "remove_node":
      return removeNode(graph, op.nodeId);
    case "move_node":
      return updateNode(graph, op.nodeId, (node) => ({ ...node, position: op.position }));
    case "connect":
      return connect(graph, op.edge);
    case "disconnect":
      return disconnect(graph, op.edgeId);
    case "update_props":
      return updateNode(graph, op.nodeId, (node) => ({
        ...node,
        props: op.mode === "merge" ? { ...node.props, ...op.props } : op.props,
      }));
    case "rename":
      return updateNode(graph, op.nodeId, (node) => ({ ...node, label: op.label }));
    case "set_operation":
      return setOperation(graph, op);
    case "update_node_settings":
      return updateNode(graph, op.nodeId, ({ settings: _old, ...node }) =>
        op.settings === null ? node : { ...node, settings: op.settings },
      );
    case "set_connection":
      return setConnection(graph, op.nodeId, op.connectionId);
  }
}

function setConnection(graph: FlowGraph, nodeId: string, connectionId: string | null): Change {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (node && node.type !== "trigger" && node.type !== "action") {
    return { code: "not_a_connector_node", nodeId, message: `"${nodeId}" is not a trigger or action step` };
  }
  return updateNode(graph, nodeId, (current) => {
    const { connectionId: _old, ...rest } = current as FlowNode & { connectionId?: string };
    return connectionId === null ? rest : { ...rest, connectionId };
  });
}

/**
 * The one way a flow graph is edited, on the canvas (optimistically) and on the server
 * (authoritatively): returns a new graph or an error, never mutates `graph`, never throws.
 * Other fields of the document (vars, settings, schemaVersion) are carried over untouched.
 */
export function applyOperation<G extends FlowGraph>(graph: G, operation: FlowOperation): OperationResult<G> {
  try {
    const parsed = ZFlowOperation.safeParse(operation);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail({
        code: "invalid_operation",
        message: `Invalid operation: ${issue?.path.map(String).join(".")} ${issue?.message}`.trim(),
      });
    }
    const result = change(graph, parsed.data);
    if ("code" in result) return fail(result);
    return { ok: true, graph: { ...graph, nodes: result.nodes, edges: result.edges } };
  } catch (error) {
    return fail({ code: "internal_error", message: error instanceof Error ? error.message : String(error) });
  }
}

/** Applies operations in order; all or nothing — the first error is returned and the input is unchanged. */
export function applyOperations<G extends FlowGraph>(
  graph: G,
  operations: readonly FlowOperation[],
): OperationResult<G> {
  let current = graph;
  for (const operation of operations) {
    const result = applyOperation(current, operation);
    if (!result.ok) return result;
    current = result.graph;
  }
  return { ok: true, graph: current };
}
