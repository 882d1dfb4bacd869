import {
  diffVersions,
  type FlowDocument,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  type NodeChange,
  normalizeHandle,
} from "@handoff/flow-core";
import type { DiffHighlight } from "../editor-contract";
import { formatDiffValue, valueAtPath } from "./value-at-path";

export type DiffEntryKind = "added" | "removed" | "changed" | "connected" | "disconnected" | "rewired" | "flow";

export interface DiffEntry {
  kind: DiffEntryKind;
  text: string;
  /** The node the entry is about, when there is one (to find it on the canvas). */
  nodeId?: string;
}

export interface DescribedDiff {
  entries: DiffEntry[];
  /** Steps that were only dragged to another place: counted, not listed, as nothing they do changed. */
  movedOnly: number;
  highlight: DiffHighlight;
}

type Graph = FlowGraph & Partial<Pick<FlowDocument, "vars" | "settings">>;

/**
 * Two versions' difference as sentences: "Added: Create invoice", "Changed: Is it paid? —
 * props.rules[0].value: "Free" → "Paid"", "Rewired: …", and the marks the canvas colours
 * nodes with. `before` is the older side.
 */
export function describeDiff(before: Graph, after: Graph): DescribedDiff {
  const diff = diffVersions(before, after);
  const entries: DiffEntry[] = [];
  const highlight: DiffHighlight = {};
  const beforeById = new Map(before.nodes.map((node) => [node.id, node]));
  const afterById = new Map(after.nodes.map((node) => [node.id, node]));

  for (const node of diff.nodes.added) {
    entries.push({ kind: "added", text: `Added: ${labelOf(node)}`, nodeId: node.id });
    highlight[node.id] = "added";
  }
  for (const node of diff.nodes.removed) {
    entries.push({ kind: "removed", text: `Removed: ${labelOf(node)}`, nodeId: node.id });
    highlight[node.id] = "removed";
  }
  // flow-core's diff leaves out the account a step acts as; choosing another one is a change worth seeing.
  const connectionChanged = new Set(
    after.nodes
      .filter((node) => {
        const old = beforeById.get(node.id);
        return old !== undefined && connectionOf(old) !== connectionOf(node);
      })
      .map((node) => node.id),
  );
  let movedOnly = 0;
  const changes: NodeChange[] = [...diff.nodes.changed];
  for (const nodeId of connectionChanged) {
    const node = afterById.get(nodeId);
    if (node && !changes.some((change) => change.nodeId === nodeId)) changes.push(onlyConnectionChanged(node));
  }
  for (const change of changes) {
    const details = change.positionOnly
      ? []
      : changeDetails(change, beforeById.get(change.nodeId), afterById.get(change.nodeId));
    if (connectionChanged.has(change.nodeId)) details.push("connection changed");
    if (details.length === 0) {
      movedOnly++;
      continue;
    }
    const label = change.label.trim() || change.nodeId;
    for (const detail of details) {
      entries.push({ kind: "changed", text: `Changed: ${label} — ${detail}`, nodeId: change.nodeId });
    }
    highlight[change.nodeId] = "changed";
  }

  for (const edge of diff.edges.added) {
    entries.push({ kind: "connected", text: `Connected: ${edgeText(edge, afterById)}` });
  }
  for (const edge of diff.edges.removed) {
    entries.push({ kind: "disconnected", text: `Disconnected: ${edgeText(edge, beforeById)}` });
  }
  for (const rewire of diff.edges.rewired) {
    entries.push({
      kind: "rewired",
      text: `Rewired: ${edgeText(rewire.from, beforeById)} now goes ${edgeText(rewire.to, afterById)}`,
    });
  }
  for (const path of diff.vars) {
    entries.push({ kind: "flow", text: `Changed flow variable — ${valueChange(path, before, after)}` });
  }
  for (const path of diff.settings) {
    entries.push({ kind: "flow", text: `Changed flow settings — ${valueChange(path, before, after)}` });
  }
  return { entries, movedOnly, highlight };
}

function changeDetails(change: NodeChange, old: FlowNode | undefined, current: FlowNode | undefined): string[] {
  const details: string[] = [];
  if (change.type) details.push(`type: ${change.type.from} → ${change.type.to}`);
  if (change.labelChange) {
    details.push(`label: ${formatDiffValue(change.labelChange.from)} → ${formatDiffValue(change.labelChange.to)}`);
  }
  if (change.connector) {
    details.push(`connector: ${formatDiffValue(change.connector.from)} → ${formatDiffValue(change.connector.to)}`);
  }
  if (change.operation) {
    details.push(`operation: ${formatDiffValue(change.operation.from)} → ${formatDiffValue(change.operation.to)}`);
  }
  for (const path of [...change.props, ...change.settings]) details.push(valueChange(path, old, current));
  return details;
}

function onlyConnectionChanged(node: FlowNode): NodeChange {
  return { nodeId: node.id, label: node.label, props: [], settings: [], positionOnly: false };
}

function valueChange(path: string, before: unknown, after: unknown): string {
  return `${path}: ${formatDiffValue(valueAtPath(before, path))} → ${formatDiffValue(valueAtPath(after, path))}`;
}

function labelOf(node: Pick<FlowNode, "id" | "label">): string {
  return node.label.trim() || node.id;
}

function connectionOf(node: FlowNode): string | undefined {
  return node.type === "trigger" || node.type === "action" ? node.connectionId : undefined;
}

/** `“Is it paid?” (true) → “Send thanks”`: the source's handle is named unless it is the only one. */
function edgeText(edge: FlowEdge, nodes: ReadonlyMap<string, FlowNode>): string {
  const name = (id: string) => {
    const node = nodes.get(id);
    return `“${node ? labelOf(node) : id}”`;
  };
  const handle = normalizeHandle(edge.sourceHandle);
  const source = handle === "out" ? name(edge.source) : `${name(edge.source)} (${handle})`;
  return `${source} → ${name(edge.target)}`;
}
