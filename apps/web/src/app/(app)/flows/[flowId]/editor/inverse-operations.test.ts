import { applyOperations, type FlowDocument, type FlowOperation } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { applyWithInverse } from "./inverse-operations";

const CONNECTION_A = "2f6b3c1e-8a4d-4e0b-9b7a-1c2d3e4f5a6b";
const CONNECTION_B = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

function flow(): FlowDocument {
  return {
    schemaVersion: 2,
    nodes: [
      {
        id: "booking",
        type: "trigger",
        connector: "calcom",
        operation: "booking-created",
        props: {},
        label: "Booking created",
        position: { x: 0, y: 0 },
      },
      {
        id: "paid_service",
        type: "condition",
        props: { combinator: "and", rules: [{ field: "trigger.service", operator: "not_equals", value: "Free" }] },
        label: "Paid service?",
        position: { x: 0, y: 140 },
      },
      {
        id: "contact",
        type: "action",
        connector: "hubspot",
        operation: "find-or-create-contact",
        connectionId: CONNECTION_A,
        props: { email: "{{ trigger.email }}" },
        label: "Find or create contact",
        position: { x: -130, y: 280 },
        settings: { continueOnError: true },
      },
      {
        id: "route",
        type: "paths",
        props: {
          mode: "first-match",
          branches: [
            {
              key: "vip",
              label: "VIP",
              rules: { combinator: "and", rules: [{ field: "trigger.vip", operator: "exists" }] },
            },
            { key: "other", label: "Everyone else", rules: { combinator: "and", rules: [] } },
          ],
        },
        label: "Route",
        position: { x: 130, y: 280 },
      },
      {
        id: "wait",
        type: "delay",
        props: { mode: "duration", amount: 5, unit: "minutes" },
        label: "Wait",
        position: { x: 130, y: 420 },
      },
      {
        id: "later",
        type: "delay",
        props: { mode: "duration", amount: 1, unit: "hours" },
        label: "Later",
        position: { x: 300, y: 420 },
      },
    ],
    edges: [
      { id: "e1", source: "booking", sourceHandle: null, target: "paid_service" },
      { id: "e2", source: "paid_service", sourceHandle: "true", target: "contact" },
      { id: "e3", source: "paid_service", sourceHandle: "false", target: "route" },
      { id: "e4", source: "route", sourceHandle: "vip", target: "wait" },
      { id: "e5", source: "route", sourceHandle: "other", target: "later" },
    ],
    vars: { company: "Acme Plumbing" },
  };
}

/** Undo may put a node or edge back at the end of its list; order carries no meaning in a flow. */
function canonical(doc: FlowDocument) {
  return {
    ...doc,
    nodes: [...doc.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...doc.edges].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

function undoes(operations: FlowOperation[]): FlowOperation[] {
  const before = flow();
  const applied = applyWithInverse(before, operations);
  if (!applied.ok) throw new Error(applied.error.message);
  expect(canonical(applied.graph)).not.toEqual(canonical(before));
  const undone = applyOperations(applied.graph, applied.inverse);
  if (!undone.ok) throw new Error(undone.error.message);
  expect(canonical(undone.graph)).toEqual(canonical(before));
  return applied.inverse;
}

describe("applyWithInverse", () => {
  it("undoes add_node by removing the node", () => {
    const inverse = undoes([
      {
        type: "add_node",
        node: {
          id: "note",
          type: "delay",
          props: { mode: "duration", amount: 2, unit: "days" },
          label: "Two days",
          position: { x: 0, y: 600 },
        },
      },
    ]);
    expect(inverse).toEqual([{ type: "remove_node", nodeId: "note" }]);
  });

  it("undoes remove_node by re-adding the node and every edge it lost", () => {
    const inverse = undoes([{ type: "remove_node", nodeId: "paid_service" }]);
    expect(inverse[0]).toMatchObject({ type: "add_node", node: { id: "paid_service" } });
    expect(inverse.slice(1).map((op) => (op.type === "connect" ? op.edge.id : op.type))).toEqual(["e1", "e2", "e3"]);
  });

  it("undoes removing the trigger", () => {
    undoes([{ type: "remove_node", nodeId: "booking" }]);
  });

  it("undoes move_node with the old position", () => {
    const inverse = undoes([{ type: "move_node", nodeId: "wait", position: { x: 500, y: 900 } }]);
    expect(inverse).toEqual([{ type: "move_node", nodeId: "wait", position: { x: 130, y: 420 } }]);
  });

  it("undoes connect and disconnect", () => {
    expect(undoes([{ type: "disconnect", edgeId: "e4" }])).toEqual([
      { type: "connect", edge: { id: "e4", source: "route", sourceHandle: "vip", target: "wait" } },
    ]);
    expect(
      undoes([{ type: "connect", edge: { id: "e9", source: "contact", sourceHandle: null, target: "later" } }]),
    ).toEqual([{ type: "disconnect", edgeId: "e9" }]);
  });

  it("undoes update_props (merge) by replacing with the old props", () => {
    const inverse = undoes([
      { type: "update_props", nodeId: "contact", mode: "merge", props: { email: "a@b.test", phone: "+33" } },
    ]);
    expect(inverse).toEqual([
      { type: "update_props", nodeId: "contact", mode: "replace", props: { email: "{{ trigger.email }}" } },
    ]);
  });

  it("undoes a rule change on a condition", () => {
    undoes([{ type: "update_props", nodeId: "paid_service", mode: "replace", props: { combinator: "or", rules: [] } }]);
  });

  it("undoes deleting a paths branch and rewires the edge the branch lost", () => {
    const inverse = undoes([
      {
        type: "update_props",
        nodeId: "route",
        mode: "merge",
        props: { branches: [{ key: "other", label: "Everyone", rules: { combinator: "and", rules: [] } }] },
      },
    ]);
    expect(inverse.at(-1)).toEqual({
      type: "connect",
      edge: { id: "e4", source: "route", sourceHandle: "vip", target: "wait" },
    });
  });

  it("undoes rename", () => {
    expect(undoes([{ type: "rename", nodeId: "wait", label: "Pause" }])).toEqual([
      { type: "rename", nodeId: "wait", label: "Wait" },
    ]);
  });

  it("undoes set_operation with the old connector, operation and props", () => {
    const inverse = undoes([
      { type: "set_operation", nodeId: "booking", connector: "stripe", operation: "invoice-paid" },
    ]);
    expect(inverse).toEqual([
      { type: "set_operation", nodeId: "booking", connector: "calcom", operation: "booking-created", props: {} },
    ]);
  });

  it("undoes update_node_settings, restoring or removing settings", () => {
    undoes([{ type: "update_node_settings", nodeId: "contact", settings: null }]);
    const inverse = undoes([
      { type: "update_node_settings", nodeId: "wait", settings: { retry: { maxAttempts: 3, backoffBaseMs: 500 } } },
    ]);
    expect(inverse).toEqual([{ type: "update_node_settings", nodeId: "wait", settings: null }]);
  });

  it("undoes set_connection, restoring or clearing the connection", () => {
    expect(undoes([{ type: "set_connection", nodeId: "contact", connectionId: CONNECTION_B }])).toEqual([
      { type: "set_connection", nodeId: "contact", connectionId: CONNECTION_A },
    ]);
    expect(undoes([{ type: "set_connection", nodeId: "booking", connectionId: CONNECTION_B }])).toEqual([
      { type: "set_connection", nodeId: "booking", connectionId: null },
    ]);
  });

  it("undoes a batch in reverse order", () => {
    const inverse = undoes([
      {
        type: "add_node",
        node: {
          id: "extra",
          type: "delay",
          props: { mode: "duration", amount: 1, unit: "days" },
          label: "Extra",
          position: { x: 0, y: 700 },
        },
      },
      { type: "connect", edge: { id: "e10", source: "contact", sourceHandle: "out", target: "extra" } },
      { type: "rename", nodeId: "extra", label: "A day" },
    ]);
    expect(inverse.map((op) => op.type)).toEqual(["rename", "disconnect", "remove_node"]);
  });

  it("refuses like applyOperations and leaves nothing to undo", () => {
    const result = applyWithInverse(flow(), [
      { type: "rename", nodeId: "wait", label: "Pause" },
      { type: "connect", edge: { id: "bad", source: "wait", sourceHandle: null, target: "booking" } },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: "trigger_incoming" } });
  });
});
