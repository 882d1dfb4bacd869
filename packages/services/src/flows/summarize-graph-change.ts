import { diffVersions, type FlowDocument, parseFlowDocument } from "@handoff/flow-core";

/**
 * What a draft save changed, small enough for an audit row: ids and paths only, never prop or
 * variable values (a header prop may hold a token someone pasted in).
 */
export interface GraphChangeSummary {
  nodesAdded: string[];
  nodesRemoved: string[];
  /** Nodes whose type, label, connector, operation, props or settings changed. */
  nodesChanged: string[];
  /** Nodes only dragged on the canvas. */
  nodesMoved: string[];
  edgesAdded: number;
  edgesRemoved: number;
  edgesRewired: number;
  /** Changed paths under the document's `vars` and `settings`, e.g. `vars.region`. */
  varsChanged: string[];
  settingsChanged: string[];
}

const EMPTY_GRAPH = { nodes: [], edges: [] };

/**
 * Compares the stored draft with the one being saved. The stored draft is read leniently: an older
 * or broken document counts as empty rather than failing the save that replaces it.
 */
export function summarizeGraphChange(stored: unknown, saved: FlowDocument): GraphChangeSummary {
  const parsed = parseFlowDocument(stored);
  const diff = diffVersions(parsed.ok ? parsed.document : EMPTY_GRAPH, saved);
  return {
    nodesAdded: diff.nodes.added.map((node) => node.id),
    nodesRemoved: diff.nodes.removed.map((node) => node.id),
    nodesChanged: diff.nodes.changed.filter((change) => !change.positionOnly).map((change) => change.nodeId),
    nodesMoved: diff.nodes.changed.filter((change) => change.positionOnly).map((change) => change.nodeId),
    edgesAdded: diff.edges.added.length,
    edgesRemoved: diff.edges.removed.length,
    edgesRewired: diff.edges.rewired.length,
    varsChanged: diff.vars,
    settingsChanged: diff.settings,
  };
}
