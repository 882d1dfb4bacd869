import { allowedHandles, DEFAULT_HANDLE, type FlowNode } from "@handoff/flow-core";
import type { CatalogConnector, EditorCatalog } from "../editor-contract";

export type NodeCategory = CatalogConnector["category"] | "logic";

/** One colour per palette group, so a node's kind of tool reads at a glance (canvas and minimap). */
export const CATEGORY_COLORS: Record<NodeCategory, string> = {
  crm: "#7c3aed",
  calendar: "#0e9f6e",
  invoicing: "#d97706",
  messaging: "#2563eb",
  logic: "#64748b",
  core: "#334155",
};

const TYPE_NAMES: Record<FlowNode["type"], string> = {
  trigger: "Trigger",
  action: "Action",
  condition: "Condition",
  paths: "Paths",
  filter: "Filter",
  delay: "Delay",
  loop: "Loop",
};

export interface NodeAppearance {
  category: NodeCategory;
  /** "Trigger", "Action", "Condition", … */
  kind: string;
  /** The app and the operation ("HubSpot · Find or create contact"); empty for logic steps. */
  operation: string;
}

/** How a node is presented: its category and names from the catalog (raw keys while it loads). */
export function describeNode(node: FlowNode, catalog: EditorCatalog | undefined): NodeAppearance {
  const kind = TYPE_NAMES[node.type];
  if (node.type !== "trigger" && node.type !== "action") return { category: "logic", kind, operation: "" };
  const connector = catalog?.find((candidate) => candidate.key === node.connector);
  const operations: readonly { key: string; name: string }[] | undefined =
    node.type === "trigger" ? connector?.triggers : connector?.actions;
  const operation = operations?.find((candidate) => candidate.key === node.operation);
  return {
    category: connector?.category ?? "core",
    kind,
    operation: `${connector?.name ?? node.connector} · ${operation?.name ?? node.operation}`,
  };
}

export interface OutputHandle {
  id: string;
  /** Shown under the node; null for the single default output. */
  label: string | null;
}

/** The node's source handles with the names a person reads (a paths branch shows its label). */
export function outputHandles(node: FlowNode): OutputHandle[] {
  if (node.type === "paths")
    return node.props.branches.map((branch) => ({ id: branch.key, label: branch.label || branch.key }));
  return allowedHandles(node).map((id) => ({ id, label: id === DEFAULT_HANDLE ? null : id }));
}
