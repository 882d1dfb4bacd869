import type { FlowEdge } from "../schema/document";
import type { FlowNode } from "../schema/node";

/** The minimum every graph helper needs; a full FlowDocument satisfies it. */
export interface FlowGraph {
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
}

export interface GraphIndex {
  nodesById: ReadonlyMap<string, FlowNode>;
  outgoing: ReadonlyMap<string, readonly FlowEdge[]>;
  incoming: ReadonlyMap<string, readonly FlowEdge[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Edges that point at missing nodes are left out so that walks never visit a ghost; validation
 * reports such edges separately.
 */
export function indexGraph(graph: FlowGraph): GraphIndex {
  const nodesById = new Map<string, FlowNode>();
  for (const node of graph.nodes) if (!nodesById.has(node.id)) nodesById.set(node.id, node);
  const outgoing = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const edge of graph.edges) {
    if (!nodesById.has(edge.source) || !nodesById.has(edge.target)) continue;
    push(outgoing, edge.source, edge);
    push(incoming, edge.target, edge);
  }
  return { nodesById, outgoing, incoming };
}
