import { expect } from "vitest";
import type { FlowDocument, FlowEdge } from "../schema/document";
import type { FlowNode } from "../schema/node";
import type { FlowProblem, FlowProblemCode } from "../validation/problems";
import { actionNode, sampleFlow } from "./sample-flow";

// Test-only: one broken variant of the sample flow per problem code, with what validateFlow
// must say about it. validate-flow.test.ts checks that every code has a case.

export function withNodes(doc: FlowDocument, ...nodes: FlowNode[]): FlowDocument {
  return { ...doc, nodes: [...doc.nodes, ...nodes] };
}

export function withEdges(doc: FlowDocument, ...edges: FlowEdge[]): FlowDocument {
  return { ...doc, edges: [...doc.edges, ...edges] };
}

export function replaceNode(doc: FlowDocument, id: string, update: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

export const edge = (id: string, source: string, target: string, sourceHandle: string | null = null): FlowEdge => ({
  id,
  source,
  sourceHandle,
  target,
});

export const at = { position: { x: 0, y: 0 } };

/** Appends a node after send_thanks so it is reachable and sees every step on its branch. */
export function appended(node: FlowNode): FlowDocument {
  return withEdges(withNodes(sampleFlow(), node), edge("e_new", "send_thanks", node.id));
}

export interface ProblemCase {
  code: FlowProblemCode;
  doc: () => FlowDocument;
  expected: Partial<FlowProblem>;
}

const loopNode = (id: string): FlowNode => ({
  id,
  type: "loop",
  label: "Each item",
  props: { items: "trigger.items" },
  ...at,
});

export const problemCases: ProblemCase[] = [
  {
    code: "duplicate_node_id",
    doc: () => withNodes(sampleFlow(), actionNode("send_thanks")),
    expected: { nodeId: "send_thanks", message: 'Node id "send_thanks" is used more than once' },
  },
  {
    code: "duplicate_edge_id",
    doc: () => withEdges(sampleFlow(), edge("e1", "send_thanks", "create_invoice")),
    expected: { edgeId: "e1" },
  },
  {
    code: "edge_unknown_source",
    doc: () => withEdges(sampleFlow(), edge("e9", "ghost", "send_thanks")),
    expected: { edgeId: "e9", message: 'Edge e9 (ghost → send_thanks) starts at a missing node "ghost"' },
  },
  {
    code: "edge_unknown_target",
    doc: () => withEdges(sampleFlow(), edge("e9", "send_thanks", "ghost")),
    expected: { edgeId: "e9" },
  },
  {
    code: "self_loop",
    doc: () => withEdges(sampleFlow(), edge("e9", "send_thanks", "send_thanks")),
    expected: { nodeId: "send_thanks" },
  },
  {
    code: "cycle",
    doc: () => withEdges(sampleFlow(), edge("e9", "create_invoice", "find_contact")),
    expected: {
      nodeId: "find_contact",
      message: expect.stringContaining('"Find contact" (find_contact) → "Big deal?" (is_big)'),
    },
  },
  {
    code: "multiple_triggers",
    doc: () => {
      const doc = sampleFlow();
      const second = { ...doc.nodes[0], id: "second", label: "Second" } as FlowNode;
      return withEdges(withNodes(doc, second), edge("e9", "second", "find_contact", null));
    },
    expected: { nodeId: "second" },
  },
  {
    code: "trigger_has_incoming",
    doc: () => withEdges(sampleFlow(), edge("e9", "send_thanks", "deal_won")),
    expected: { edgeId: "e9", nodeId: "deal_won" },
  },
  {
    code: "invalid_handle",
    doc: () => withEdges(withNodes(sampleFlow(), actionNode("maybe")), edge("e9", "is_big", "maybe", "maybe")),
    expected: { edgeId: "e9", nodeId: "is_big", message: expect.stringContaining('has "true", "false"') },
  },
  {
    code: "duplicate_edge",
    doc: () => withEdges(sampleFlow(), edge("e9", "find_contact", "is_big", null)),
    expected: { edgeId: "e9", message: "Edge e9 (find_contact → is_big) duplicates edge e2" },
  },
  {
    code: "handle_fan_out",
    doc: () => withEdges(withNodes(sampleFlow(), actionNode("extra")), edge("e9", "find_contact", "extra")),
    expected: { edgeId: "e9", nodeId: "find_contact" },
  },
  {
    code: "duplicate_branch_key",
    doc: () => {
      const branch = { key: "a", label: "A", rules: { combinator: "and" as const, rules: [] } };
      return appended({
        id: "route",
        type: "paths",
        label: "Route",
        props: { mode: "first-match", branches: [branch, branch] },
        ...at,
      });
    },
    expected: { nodeId: "route", field: "props.branches[1].key" },
  },
  {
    code: "no_trigger",
    doc: () => {
      const doc = sampleFlow();
      return { ...doc, nodes: doc.nodes.slice(1), edges: doc.edges.slice(1) };
    },
    expected: { message: "The flow has no trigger; add one to start it" },
  },
  {
    code: "unreachable_node",
    doc: () => withNodes(sampleFlow(), actionNode("orphan")),
    expected: {
      nodeId: "orphan",
      message: '"Action orphan" (orphan) is not connected to the trigger "Deal won" (deal_won), so it never runs',
    },
  },
  {
    code: "loop_without_body",
    doc: () => appended(loopNode("each")),
    expected: { nodeId: "each" },
  },
  {
    code: "loop_body_not_isolated",
    doc: () => {
      const doc = withEdges(
        appended(loopNode("each")),
        edge("b1", "each", "inner", "body"),
        edge("b2", "inner", "after", null),
        edge("b3", "each", "after", "done"),
      );
      return withNodes(doc, actionNode("inner"), actionNode("after"));
    },
    expected: { nodeId: "each", edgeId: "b3" },
  },
  {
    code: "empty_rule_group",
    doc: () =>
      replaceNode(sampleFlow(), "is_big", (node) => ({ ...node, props: { combinator: "and", rules: [] } }) as FlowNode),
    expected: { nodeId: "is_big", field: "props.rules" },
  },
  {
    code: "missing_connection",
    doc: () => appended({ ...actionNode("x"), connector: "vault", operation: "open" } as FlowNode),
    expected: { nodeId: "x", field: "connectionId" },
  },
  {
    code: "unknown_connector_operation",
    doc: () => appended({ ...actionNode("x"), connector: "fax", operation: "send" } as FlowNode),
    expected: { nodeId: "x", message: '"Action x" (x) uses action "send" of connector "fax", which does not exist' },
  },
  {
    code: "invalid_props",
    doc: () =>
      replaceNode(
        sampleFlow(),
        "send_thanks",
        (node) => ({ ...node, props: { to: "not-an-email", subject: "Hi" } }) as FlowNode,
      ),
    expected: {
      nodeId: "send_thanks",
      field: "props.to",
      message: expect.stringMatching(/^"Send thanks" \(send_thanks\): props\.to — /),
    },
  },
  {
    code: "expression_syntax",
    doc: () => appended(actionNode("x", { to: "{{ trigger.email", subject: "s" })),
    expected: { nodeId: "x", field: "props.to" },
  },
  {
    code: "unknown_expression_root",
    doc: () => appended(actionNode("x", { to: "{{ trigr.email }}", subject: "s" })),
    expected: { nodeId: "x", field: "props.to" },
  },
  {
    code: "reference_unknown_node",
    doc: () => appended(actionNode("x", { to: "{{ steps.nobody.email }}", subject: "s" })),
    expected: { nodeId: "x", field: "props.to" },
  },
  {
    code: "reference_not_ancestor",
    doc: () =>
      replaceNode(
        sampleFlow(),
        "send_thanks",
        (node) => ({ ...node, props: { to: "a@b.co", subject: "{{ steps.create_invoice.number }}" } }) as FlowNode,
      ),
    expected: {
      nodeId: "send_thanks",
      field: "props.subject",
      message:
        '"Send thanks" (send_thanks): props.subject refers to steps.create_invoice — "Create invoice" (create_invoice), which does not run before it',
    },
  },
  {
    code: "invalid_pattern",
    doc: () =>
      replaceNode(
        sampleFlow(),
        "is_big",
        (node) =>
          ({
            ...node,
            props: {
              combinator: "and",
              rules: [{ field: "trigger.code", operator: "matches_pattern", value: "([a-z" }],
            },
          }) as FlowNode,
      ),
    expected: { nodeId: "is_big", field: "props.rules[0].value" },
  },
  {
    code: "invalid_rule_value",
    doc: () =>
      replaceNode(
        sampleFlow(),
        "is_big",
        (node) =>
          ({
            ...node,
            props: { combinator: "and", rules: [{ field: "trigger.amount", operator: "greater_than", value: "lots" }] },
          }) as FlowNode,
      ),
    expected: {
      nodeId: "is_big",
      field: "props.rules[0].value",
      message: expect.stringContaining('"lots" is not a number'),
    },
  },
  {
    code: "invalid_date",
    doc: () =>
      appended({
        id: "wait",
        type: "delay",
        label: "Wait",
        props: { mode: "until", at: "next tuesday", timeZone: "Europe/Paris" },
        ...at,
      }),
    expected: { nodeId: "wait", field: "props.at" },
  },
];
