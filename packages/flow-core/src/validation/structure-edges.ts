import type { FlowGraph } from "../graph/graph-index";
import { describeHandles, isHandleAllowed, normalizeHandle } from "../handles";
import type { FlowEdge } from "../schema/document";
import type { FlowNode } from "../schema/node";
import { type FlowProblem, nodeName } from "./problems";

function edgeName(edge: FlowEdge): string {
  const handle = edge.sourceHandle === null ? "" : `:${edge.sourceHandle}`;
  return `Edge ${edge.id} (${edge.source}${handle} → ${edge.target})`;
}

function checkEndpoints(edge: FlowEdge, nodes: ReadonlyMap<string, FlowNode>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source) {
    problems.push({
      code: "edge_unknown_source",
      edgeId: edge.id,
      message: `${edgeName(edge)} starts at a missing node "${edge.source}"`,
    });
  }
  if (!target) {
    problems.push({
      code: "edge_unknown_target",
      edgeId: edge.id,
      message: `${edgeName(edge)} ends at a missing node "${edge.target}"`,
    });
  }
  if (edge.source === edge.target) {
    problems.push({
      code: "self_loop",
      edgeId: edge.id,
      nodeId: edge.source,
      message: `${edgeName(edge)} connects a node to itself`,
    });
  }
  if (source && !isHandleAllowed(source, edge.sourceHandle)) {
    const message = `${edgeName(edge)} leaves ${nodeName(source)} from handle "${edge.sourceHandle}"; a ${source.type} node has ${describeHandles(source)}`;
    problems.push({ code: "invalid_handle", edgeId: edge.id, nodeId: source.id, message });
  }
  if (target?.type === "trigger") {
    const message = `${edgeName(edge)} points at the trigger ${nodeName(target)}; nothing can run before the trigger`;
    problems.push({ code: "trigger_has_incoming", edgeId: edge.id, nodeId: target.id, message });
  }
  return problems;
}

/**
 * One edge per source handle: a step's output goes to exactly one next step, and branching is
 * what condition and paths nodes are for. That keeps the canvas readable and the run order obvious.
 */
function checkHandleUse(edges: readonly FlowEdge[], nodes: ReadonlyMap<string, FlowNode>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const firstByHandle = new Map<string, FlowEdge>();
  for (const edge of edges) {
    const key = `${edge.source}\u0000${normalizeHandle(edge.sourceHandle)}`;
    const first = firstByHandle.get(key);
    if (!first) {
      firstByHandle.set(key, edge);
      continue;
    }
    const source = nodes.get(edge.source);
    const who = source ? nodeName(source) : `"${edge.source}"`;
    const handle = normalizeHandle(edge.sourceHandle);
    if (first.target === edge.target) {
      const message = `${edgeName(edge)} duplicates edge ${first.id}`;
      problems.push({ code: "duplicate_edge", edgeId: edge.id, nodeId: edge.source, message });
    } else {
      const message = `${edgeName(edge)}: handle "${handle}" of ${who} is already connected by edge ${first.id}; use a paths node to branch`;
      problems.push({ code: "handle_fan_out", edgeId: edge.id, nodeId: edge.source, message });
    }
  }
  return problems;
}

export function checkEdges(graph: FlowGraph, nodes: ReadonlyMap<string, FlowNode>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const seenIds = new Set<string>();
  for (const edge of graph.edges) {
    if (seenIds.has(edge.id)) {
      problems.push({
        code: "duplicate_edge_id",
        edgeId: edge.id,
        message: `Edge id "${edge.id}" is used more than once`,
      });
    }
    seenIds.add(edge.id);
    problems.push(...checkEndpoints(edge, nodes));
  }
  return [...problems, ...checkHandleUse(graph.edges, nodes)];
}
