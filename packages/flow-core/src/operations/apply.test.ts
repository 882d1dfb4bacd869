import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../schema/document";
import type { FlowNode } from "../schema/node";
import { actionNode, deepFreeze, nodeById, sampleFlow } from "../testing/sample-flow";
import { applyOperation, applyOperations } from "./apply";
import type { FlowOperation, OperationErrorCode } from "./schema";

function frozenFlow(): FlowDocument {
  return deepFreeze(sampleFlow());
}

function applied(doc: FlowDocument, op: FlowOperation): FlowDocument {
  const result = applyOperation(doc, op);
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.graph;
}

function errorCode(doc: FlowDocument, op: FlowOperation): OperationErrorCode | undefined {
  const result = applyOperation(doc, op);
  return result.ok ? undefined : result.error.code;
}

const paths: FlowNode = {
  id: "route",
  type: "paths",
  label: "Route",
  position: { x: 0, y: 0 },
  props: {
    mode: "first-match",
    branches: [
      { key: "a", label: "A", rules: { combinator: "and", rules: [] } },
      { key: "b", label: "B", rules: { combinator: "and", rules: [] } },
    ],
  },
};

describe("applyOperation", () => {
  it("adds a node without touching the input and keeps other document fields", () => {
    const doc = frozenFlow();
    const next = applied(doc, { type: "add_node", node: actionNode("extra") });
    expect(next.nodes.map((node) => node.id)).toEqual([...doc.nodes.map((node) => node.id), "extra"]);
    expect(next.vars).toBe(doc.vars);
    expect(next.schemaVersion).toBe(2);
    expect(doc.nodes).toHaveLength(5);
  });

  it("refuses duplicate ids, a second trigger and malformed nodes", () => {
    const doc = frozenFlow();
    expect(errorCode(doc, { type: "add_node", node: actionNode("send_thanks") })).toBe("duplicate_node_id");
    expect(errorCode(doc, { type: "add_node", node: { ...nodeById(doc, "deal_won"), id: "t2" } })).toBe(
      "second_trigger",
    );
    const bad = { ...actionNode("x"), connector: "" } as FlowNode;
    expect(errorCode(doc, { type: "add_node", node: bad })).toBe("invalid_operation");
  });

  it("removes a node together with its edges", () => {
    const next = applied(frozenFlow(), { type: "remove_node", nodeId: "is_big" });
    expect(next.nodes.map((node) => node.id)).not.toContain("is_big");
    expect(next.edges.map((edge) => edge.id)).toEqual(["e1"]);
    expect(errorCode(frozenFlow(), { type: "remove_node", nodeId: "nope" })).toBe("node_not_found");
  });

  it("moves and renames nodes", () => {
    const moved = applied(frozenFlow(), { type: "move_node", nodeId: "is_big", position: { x: 5, y: 6 } });
    expect(nodeById(moved, "is_big").position).toEqual({ x: 5, y: 6 });
    const renamed = applied(moved, { type: "rename", nodeId: "is_big", label: "Over 1000?" });
    expect(nodeById(renamed, "is_big").label).toBe("Over 1000?");
    expect(errorCode(frozenFlow(), { type: "rename", nodeId: "ghost", label: "x" })).toBe("node_not_found");
  });

  it("connects nodes and refuses every kind of bad edge", () => {
    const doc = applied(frozenFlow(), { type: "add_node", node: actionNode("extra") });
    const connected = applied(doc, {
      type: "connect",
      edge: { id: "e9", source: "send_thanks", sourceHandle: null, target: "extra" },
    });
    expect(connected.edges.at(-1)).toEqual({ id: "e9", source: "send_thanks", sourceHandle: null, target: "extra" });
    const edge = (id: string, source: string, target: string, sourceHandle: string | null = null) =>
      ({ type: "connect", edge: { id, source, sourceHandle, target } }) as const;
    expect(errorCode(doc, edge("e1", "send_thanks", "extra"))).toBe("duplicate_edge_id");
    expect(errorCode(doc, edge("e9", "ghost", "extra"))).toBe("node_not_found");
    expect(errorCode(doc, edge("e9", "send_thanks", "ghost"))).toBe("node_not_found");
    expect(errorCode(doc, edge("e9", "extra", "extra"))).toBe("self_loop");
    expect(errorCode(doc, edge("e9", "extra", "deal_won"))).toBe("trigger_incoming");
    expect(errorCode(doc, edge("e9", "is_big", "extra", "maybe"))).toBe("invalid_handle");
    expect(errorCode(doc, edge("e9", "find_contact", "extra"))).toBe("handle_in_use");
    expect(errorCode(doc, edge("e9", "find_contact", "is_big", "out"))).toBe("duplicate_edge");
    expect(errorCode(doc, edge("e9", "send_thanks", "find_contact"))).toBe("would_create_cycle");
    expect(errorCode(doc, edge("bad id!", "send_thanks", "extra"))).toBe("invalid_operation");
  });

  it("disconnects edges", () => {
    const next = applied(frozenFlow(), { type: "disconnect", edgeId: "e4" });
    expect(next.edges.map((edge) => edge.id)).toEqual(["e1", "e2", "e3"]);
    expect(errorCode(frozenFlow(), { type: "disconnect", edgeId: "e4x" })).toBe("edge_not_found");
  });

  it("merges or replaces props and re-checks the node", () => {
    const doc = frozenFlow();
    const merged = applied(doc, {
      type: "update_props",
      nodeId: "send_thanks",
      mode: "merge",
      props: { body: "Hello" },
    });
    expect(nodeById(merged, "send_thanks")).toMatchObject({
      props: { to: "{{ trigger.contact.email }}", body: "Hello" },
    });
    const replaced = applied(doc, {
      type: "update_props",
      nodeId: "send_thanks",
      mode: "replace",
      props: { to: "x@y.z" },
    });
    expect(nodeById(replaced, "send_thanks").props).toEqual({ to: "x@y.z" });
    const badRules = { type: "update_props", nodeId: "is_big", mode: "merge", props: { combinator: "xor" } } as const;
    expect(errorCode(doc, badRules)).toBe("invalid_node");
  });

  it("drops the edges of a paths branch that props no longer declare, and refuses duplicate keys", () => {
    const doc = applyOperations(frozenFlow(), [
      { type: "add_node", node: paths },
      { type: "add_node", node: actionNode("x") },
      { type: "add_node", node: actionNode("y") },
      { type: "connect", edge: { id: "pa", source: "route", sourceHandle: "a", target: "x" } },
      { type: "connect", edge: { id: "pb", source: "route", sourceHandle: "b", target: "y" } },
    ]);
    if (!doc.ok) throw new Error(doc.error.message);
    const branchA = { key: "a", label: "A", rules: { combinator: "and", rules: [] } };
    const onlyA = { mode: "first-match", branches: [branchA] };
    const next = applied(doc.graph, { type: "update_props", nodeId: "route", mode: "replace", props: onlyA });
    expect(next.edges.map((edge) => edge.id)).not.toContain("pb");
    expect(next.edges.map((edge) => edge.id)).toContain("pa");
    const twice = { mode: "first-match", branches: [branchA, branchA] };
    expect(errorCode(doc.graph, { type: "update_props", nodeId: "route", mode: "replace", props: twice })).toBe(
      "invalid_node",
    );
  });

  it("switches a connector operation, resetting props, only on triggers and actions", () => {
    const next = applied(frozenFlow(), {
      type: "set_operation",
      nodeId: "send_thanks",
      connector: "crm",
      operation: "find_contact",
    });
    expect(nodeById(next, "send_thanks")).toMatchObject({ connector: "crm", operation: "find_contact", props: {} });
    const onCondition = { type: "set_operation", nodeId: "is_big", connector: "crm", operation: "x" } as const;
    expect(errorCode(frozenFlow(), onCondition)).toBe("not_a_connector_node");
  });

  it("sets and clears node settings", () => {
    const settings = { retry: { maxAttempts: 5, backoffBaseMs: 200 }, continueOnError: true };
    const withSettings = applied(frozenFlow(), { type: "update_node_settings", nodeId: "send_thanks", settings });
    expect(nodeById(withSettings, "send_thanks").settings).toEqual(settings);
    const cleared = applied(withSettings, { type: "update_node_settings", nodeId: "send_thanks", settings: null });
    expect(nodeById(cleared, "send_thanks")).not.toHaveProperty("settings");
  });

  it("sets and clears the connection of a connector step, and only of one", () => {
    const connectionId = "6f1f0c52-4a8e-4f53-9a55-2f0a1d8a7b10";
    const withConnection = applied(frozenFlow(), { type: "set_connection", nodeId: "send_thanks", connectionId });
    expect(nodeById(withConnection, "send_thanks")).toMatchObject({ connectionId });
    const cleared = applied(withConnection, { type: "set_connection", nodeId: "send_thanks", connectionId: null });
    expect(nodeById(cleared, "send_thanks")).not.toHaveProperty("connectionId");
    expect(errorCode(frozenFlow(), { type: "set_connection", nodeId: "is_big", connectionId })).toBe(
      "not_a_connector_node",
    );
    expect(errorCode(frozenFlow(), { type: "set_connection", nodeId: "send_thanks", connectionId: "nope" })).toBe(
      "invalid_operation",
    );
  });

  it("returns invalid_operation for garbage instead of throwing", () => {
    const garbage = { type: "explode" } as unknown as FlowOperation;
    expect(errorCode(frozenFlow(), garbage)).toBe("invalid_operation");
    expect(errorCode(frozenFlow(), null as unknown as FlowOperation)).toBe("invalid_operation");
  });
});

describe("applyOperations", () => {
  it("is all or nothing", () => {
    const doc = frozenFlow();
    const result = applyOperations(doc, [
      { type: "add_node", node: actionNode("extra") },
      { type: "connect", edge: { id: "e9", source: "extra", sourceHandle: null, target: "ghost" } },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: "node_not_found", nodeId: "ghost" } });
    expect(doc.nodes.map((node) => node.id)).not.toContain("extra");
  });
});
