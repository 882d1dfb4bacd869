import { normalizeHandle } from "../handles";
import type { FlowEdge } from "../schema/document";
import type { TriggerNode } from "../schema/node";
import { type FlowGraph, type GraphIndex, indexGraph } from "./graph-index";

export function findTrigger(graph: FlowGraph): TriggerNode | undefined {
  for (const node of graph.nodes) if (node.type === "trigger") return node;
  return undefined;
}

export function outgoingEdges(graph: FlowGraph, nodeId: string): FlowEdge[] {
  return graph.edges.filter((edge) => edge.source === nodeId);
}

export function incomingEdges(graph: FlowGraph, nodeId: string): FlowEdge[] {
  return graph.edges.filter((edge) => edge.target === nodeId);
}

/** Target ids of a node's outgoing edges, optionally only those leaving `handle` (`null` ≡ `"out"`). */
export function successors(graph: FlowGraph, nodeId: string, handle?: string | null): string[] {
  const wanted = handle === undefined ? undefined : normalizeHandle(handle);
  return outgoingEdges(graph, nodeId)
    .filter((edge) => wanted === undefined || normalizeHandle(edge.sourceHandle) === wanted)
    .map((edge) => edge.target);
}

function collect(start: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

function parentsIn(index: GraphIndex, id: string): string[] {
  return (index.incoming.get(id) ?? []).map((edge) => edge.source);
}

function childrenIn(index: GraphIndex, id: string): string[] {
  return (index.outgoing.get(id) ?? []).map((edge) => edge.target);
}

/** Every node with a path to `nodeId` (not including it, unless it sits on a cycle). */
export function ancestorsOf(graph: FlowGraph, nodeId: string, index = indexGraph(graph)): Set<string> {
  return collect(parentsIn(index, nodeId), (id) => parentsIn(index, id));
}

/** Every node reachable from `nodeId` (not including it, unless it sits on a cycle). */
export function descendantsOf(graph: FlowGraph, nodeId: string, index = indexGraph(graph)): Set<string> {
  return collect(childrenIn(index, nodeId), (id) => childrenIn(index, id));
}

/** Nodes reachable from `fromId`, including it. */
export function reachableFrom(graph: FlowGraph, fromId: string, index = indexGraph(graph)): Set<string> {
  if (!index.nodesById.has(fromId)) return new Set();
  return collect([fromId], (id) => childrenIn(index, id));
}

/** The nodes that run once per item of a loop: everything reachable through its `body` handle. */
export function loopBody(graph: FlowGraph, loopId: string, index = indexGraph(graph)): Set<string> {
  const starts = successors(graph, loopId, "body").filter((id) => index.nodesById.has(id));
  return collect(starts, (id) => childrenIn(index, id));
}

/**
 * Kahn's algorithm; ties keep document order so the result is stable across calls. Nodes on a
 * cycle (or downstream of one) are left out — `findCycle` and validation report those.
 */
export function topologicalOrder(graph: FlowGraph, index = indexGraph(graph)): string[] {
  const position = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const remaining = new Map<string, number>();
  for (const id of index.nodesById.keys()) remaining.set(id, parentsIn(index, id).length);
  const ready = [...remaining].filter(([, count]) => count === 0).map(([id]) => id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift() as string;
    order.push(id);
    for (const child of childrenIn(index, id)) {
      const count = (remaining.get(child) ?? 0) - 1;
      remaining.set(child, count);
      if (count === 0) ready.push(child);
    }
  }
  return order;
}

/** One cycle as a list of node ids (first id repeated at the end), or undefined for a DAG. */
export function findCycle(graph: FlowGraph, index = indexGraph(graph)): string[] | undefined {
  const state = new Map<string, "active" | "done">();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, "active");
    path.push(id);
    for (const child of childrenIn(index, id)) {
      const seen = state.get(child);
      if (seen === "active") return [...path.slice(path.indexOf(child)), child];
      if (seen === undefined) {
        const cycle = visit(child);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const id of index.nodesById.keys()) {
    if (state.has(id)) continue;
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Whether adding `source → target` would close a cycle (a self-loop counts). */
export function wouldCreateCycle(graph: FlowGraph, source: string, target: string): boolean {
  if (source === target) return true;
  return reachableFrom(graph, target).has(source);
}
