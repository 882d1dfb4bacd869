import type { FlowGraph } from "../graph/graph-index";
import { normalizeHandle } from "../handles";
import { jsonEqual } from "../json";
import type { FlowDocument, FlowEdge } from "../schema/document";
import type { FlowNode, Position } from "../schema/node";
import { changedPaths } from "./changed-paths";

export interface ValueChange<T> {
  from: T;
  to: T;
}

export interface NodeChange {
  nodeId: string;
  /** The label in the newer version. */
  label: string;
  type?: ValueChange<FlowNode["type"]>;
  labelChange?: ValueChange<string>;
  position?: ValueChange<Position>;
  connector?: ValueChange<string | undefined>;
  operation?: ValueChange<string | undefined>;
  /** Changed prop paths, e.g. `props.email`, `props.rules[0].value`. */
  props: string[];
  settings: string[];
  /** Only dragged on the canvas: nothing about what the step does changed. */
  positionOnly: boolean;
}

export interface EdgeRewire {
  edgeId: string;
  from: FlowEdge;
  to: FlowEdge;
}

export interface FlowDiff {
  nodes: { added: FlowNode[]; removed: FlowNode[]; changed: NodeChange[] };
  edges: { added: FlowEdge[]; removed: FlowEdge[]; rewired: EdgeRewire[] };
  /** Changed paths under `vars` and `settings` of the document. */
  vars: string[];
  settings: string[];
}

function connectorOf(node: FlowNode): { connector?: string; operation?: string } {
  return node.type === "trigger" || node.type === "action"
    ? { connector: node.connector, operation: node.operation }
    : {};
}

function change<T>(from: T, to: T): ValueChange<T> | undefined {
  return jsonEqual(from, to) ? undefined : { from, to };
}

function compareNodes(before: FlowNode, after: FlowNode): NodeChange | undefined {
  const [a, b] = [connectorOf(before), connectorOf(after)];
  const optional = {
    type: change(before.type, after.type),
    labelChange: change(before.label, after.label),
    position: change(before.position, after.position),
    connector: change(a.connector, b.connector),
    operation: change(a.operation, b.operation),
  };
  const result: NodeChange = {
    nodeId: after.id,
    label: after.label,
    // Absent rather than undefined, so the diff serialises the same way it compares.
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    props: changedPaths(before.props, after.props, ["props"]),
    settings: changedPaths(before.settings ?? {}, after.settings ?? {}, ["settings"]),
    positionOnly: false,
  };
  const semantic =
    Boolean(result.type || result.labelChange || result.connector || result.operation) ||
    result.props.length > 0 ||
    result.settings.length > 0;
  if (!semantic && !result.position) return undefined;
  result.positionOnly = !semantic;
  return result;
}

function connectionKey(edge: FlowEdge): string {
  return `${edge.source}\u0000${normalizeHandle(edge.sourceHandle)}\u0000${edge.target}`;
}

function diffEdges(before: readonly FlowEdge[], after: readonly FlowEdge[]): FlowDiff["edges"] {
  const beforeById = new Map(before.map((edge) => [edge.id, edge]));
  const afterById = new Map(after.map((edge) => [edge.id, edge]));
  const rewired: EdgeRewire[] = [];
  for (const edge of after) {
    const old = beforeById.get(edge.id);
    if (old && connectionKey(old) !== connectionKey(edge)) rewired.push({ edgeId: edge.id, from: old, to: edge });
  }
  // An edge deleted and redrawn between the same handles gets a new id but is the same connection.
  const removedCandidates = before.filter((edge) => !afterById.has(edge.id));
  const addedCandidates = after.filter((edge) => !beforeById.has(edge.id));
  const removedKeys = new Set(removedCandidates.map(connectionKey));
  const addedKeys = new Set(addedCandidates.map(connectionKey));
  return {
    added: addedCandidates.filter((edge) => !removedKeys.has(connectionKey(edge))),
    removed: removedCandidates.filter((edge) => !addedKeys.has(connectionKey(edge))),
    rewired,
  };
}

/** What changed between two versions, keyed by node id (ids are stable across versions). */
export function diffVersions(a: FlowGraph & Partial<Pick<FlowDocument, "vars" | "settings">>, b: typeof a): FlowDiff {
  const beforeById = new Map(a.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(b.nodes.map((node) => node.id));
  const changed: NodeChange[] = [];
  for (const node of b.nodes) {
    const old = beforeById.get(node.id);
    const nodeChange = old ? compareNodes(old, node) : undefined;
    if (nodeChange) changed.push(nodeChange);
  }
  return {
    nodes: {
      added: b.nodes.filter((node) => !beforeById.has(node.id)),
      removed: a.nodes.filter((node) => !afterIds.has(node.id)),
      changed,
    },
    edges: diffEdges(a.edges, b.edges),
    vars: changedPaths(a.vars ?? {}, b.vars ?? {}, ["vars"]),
    settings: changedPaths(a.settings ?? {}, b.settings ?? {}, ["settings"]),
  };
}

/** True when the versions differ in more than node positions: a layout-only edit is not worth a new version. */
export function hasContentChanges(diff: FlowDiff): boolean {
  return (
    diff.nodes.added.length + diff.nodes.removed.length + diff.edges.added.length + diff.edges.removed.length > 0 ||
    diff.edges.rewired.length > 0 ||
    diff.nodes.changed.some((change) => !change.positionOnly) ||
    diff.vars.length + diff.settings.length > 0
  );
}
