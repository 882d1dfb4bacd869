import type { FlowNode } from "../schema/node";

/** Problems applyOperation never lets into a graph; a draft built by operations is free of them. */
export const GRAPH_INVARIANT_CODES = [
  "duplicate_node_id",
  "duplicate_edge_id",
  "edge_unknown_source",
  "edge_unknown_target",
  "self_loop",
  "cycle",
  "multiple_triggers",
  "trigger_has_incoming",
  "invalid_handle",
  "duplicate_edge",
  "handle_fan_out",
  "duplicate_branch_key",
] as const;

/** Problems a draft may have while it is being built; publishing requires none. */
export const COMPLETENESS_CODES = [
  "no_trigger",
  "unreachable_node",
  "loop_without_body",
  "loop_body_not_isolated",
  "empty_rule_group",
  "missing_connection",
] as const;

export const CONTENT_CODES = [
  "unknown_connector_operation",
  "invalid_props",
  "expression_syntax",
  "unknown_expression_root",
  "reference_unknown_node",
  "reference_not_ancestor",
  "invalid_pattern",
  "invalid_rule_value",
  "invalid_date",
] as const;

export type GraphInvariantCode = (typeof GRAPH_INVARIANT_CODES)[number];
export type FlowProblemCode = GraphInvariantCode | (typeof COMPLETENESS_CODES)[number] | (typeof CONTENT_CODES)[number];

export const FLOW_PROBLEM_CODES: readonly FlowProblemCode[] = [
  ...GRAPH_INVARIANT_CODES,
  ...COMPLETENESS_CODES,
  ...CONTENT_CODES,
];

export interface FlowProblem {
  code: FlowProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Path inside the node, e.g. `props.email` or `props.rules[0].value`. */
  field?: string;
}

/** How messages name a node: its label, which the user sees, and its id, which is stable. */
export function nodeName(node: Pick<FlowNode, "id" | "label">): string {
  return node.label.trim() === "" ? `"${node.id}"` : `"${node.label}" (${node.id})`;
}

export function isGraphInvariantCode(code: FlowProblemCode): code is GraphInvariantCode {
  return (GRAPH_INVARIANT_CODES as readonly string[]).includes(code);
}
