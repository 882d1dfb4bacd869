import type { FlowGraph } from "../graph/graph-index";
import { wouldCreateCycle } from "../graph/walk";
import { describeHandles, isHandleAllowed, normalizeHandle } from "../handles";
import type { FlowEdge } from "../schema/document";
import { nodeName } from "../validation/problems";
import type { OperationError } from "./schema";

function endpointError(graph: FlowGraph, edge: FlowEdge): OperationError | undefined {
  if (graph.edges.some((existing) => existing.id === edge.id)) {
    return { code: "duplicate_edge_id", edgeId: edge.id, message: `Edge id "${edge.id}" already exists` };
  }
  const source = graph.nodes.find((node) => node.id === edge.source);
  const target = graph.nodes.find((node) => node.id === edge.target);
  if (!source)
    return { code: "node_not_found", nodeId: edge.source, message: `No node "${edge.source}" to connect from` };
  if (!target)
    return { code: "node_not_found", nodeId: edge.target, message: `No node "${edge.target}" to connect to` };
  if (source.id === target.id)
    return { code: "self_loop", nodeId: source.id, message: `${nodeName(source)} cannot connect to itself` };
  if (target.type === "trigger") {
    return {
      code: "trigger_incoming",
      nodeId: target.id,
      message: `Nothing can connect into the trigger ${nodeName(target)}`,
    };
  }
  if (!isHandleAllowed(source, edge.sourceHandle)) {
    const message = `${nodeName(source)} has no handle "${edge.sourceHandle}"; a ${source.type} node has ${describeHandles(source)}`;
    return { code: "invalid_handle", nodeId: source.id, message };
  }
  return undefined;
}

/** Why `edge` cannot be added to `graph`, or undefined when it can. Mirrors the structural validation rules. */
export function connectError(graph: FlowGraph, edge: FlowEdge): OperationError | undefined {
  const endpoint = endpointError(graph, edge);
  if (endpoint) return endpoint;
  const handle = normalizeHandle(edge.sourceHandle);
  const taken = graph.edges.find((e) => e.source === edge.source && normalizeHandle(e.sourceHandle) === handle);
  if (taken?.target === edge.target) {
    return { code: "duplicate_edge", edgeId: taken.id, message: `Edge ${taken.id} already makes this connection` };
  }
  if (taken) {
    const message = `Handle "${handle}" of "${edge.source}" is already connected (edge ${taken.id}); disconnect it first`;
    return { code: "handle_in_use", edgeId: taken.id, nodeId: edge.source, message };
  }
  if (wouldCreateCycle(graph, edge.source, edge.target)) {
    const message = `Connecting "${edge.source}" to "${edge.target}" would make the flow loop back on itself`;
    return { code: "would_create_cycle", nodeId: edge.target, message };
  }
  return undefined;
}
