import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../schema/document";
import type { FlowNode } from "../schema/node";
import { actionNode, sampleFlow } from "../testing/sample-flow";
import { diffVersions, hasContentChanges } from "./diff";

function edit(doc: FlowDocument, id: string, update: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

describe("diffVersions", () => {
  it("finds nothing between identical versions", () => {
    const diff = diffVersions(sampleFlow(), sampleFlow());
    expect(diff).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], rewired: [] },
      vars: [],
      settings: [],
    });
    expect(hasContentChanges(diff)).toBe(false);
  });

  it("distinguishes a position-only move from a real change", () => {
    const moved = edit(sampleFlow(), "is_big", (node) => ({ ...node, position: { x: 50, y: 200 } }));
    const diff = diffVersions(sampleFlow(), moved);
    expect(diff.nodes.changed).toStrictEqual([
      {
        nodeId: "is_big",
        label: "Big deal?",
        position: { from: { x: 0, y: 200 }, to: { x: 50, y: 200 } },
        props: [],
        settings: [],
        positionOnly: true,
      },
    ]);
    expect(hasContentChanges(diff)).toBe(false);
  });

  it("lists label, connector, operation, prop and settings changes separately", () => {
    const after = edit(
      sampleFlow(),
      "send_thanks",
      (node) =>
        ({
          ...node,
          label: "Send receipt",
          operation: "send_sms",
          props: { to: "{{ trigger.contact.phone }}", subject: "Thanks {{ trigger.contact.name }}!", body: "x" },
          settings: { continueOnError: true },
        }) as FlowNode,
    );
    const [change] = diffVersions(sampleFlow(), after).nodes.changed;
    expect(change).toStrictEqual({
      nodeId: "send_thanks",
      label: "Send receipt",
      labelChange: { from: "Send thanks", to: "Send receipt" },
      operation: { from: "send_email", to: "send_sms" },
      props: ["props.body", "props.to"],
      settings: ["settings.continueOnError"],
      positionOnly: false,
    });
  });

  it("reports rule edits by path inside conditions", () => {
    const after = edit(
      sampleFlow(),
      "is_big",
      (node) =>
        ({
          ...node,
          props: { combinator: "and", rules: [{ field: "trigger.amount", operator: "greater_than", value: 5000 }] },
        }) as FlowNode,
    );
    expect(diffVersions(sampleFlow(), after).nodes.changed[0]?.props).toEqual(["props.rules[0].value"]);
  });

  it("reports added and removed nodes and edges, and rewired edges by id", () => {
    const before = sampleFlow();
    const after: FlowDocument = {
      ...before,
      nodes: [...before.nodes.filter((node) => node.id !== "create_invoice"), actionNode("notify")],
      edges: [
        ...before.edges.filter((edge) => edge.id !== "e3" && edge.id !== "e4"),
        { id: "e4", source: "is_big", sourceHandle: "true", target: "send_thanks" },
        { id: "e5", source: "is_big", sourceHandle: "false", target: "notify" },
      ],
    };
    const diff = diffVersions(before, after);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(["notify"]);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(["create_invoice"]);
    expect(diff.edges.added.map((edge) => edge.id)).toEqual(["e5"]);
    expect(diff.edges.removed.map((edge) => edge.id)).toEqual(["e3"]);
    expect(diff.edges.rewired).toEqual([
      {
        edgeId: "e4",
        from: { id: "e4", source: "is_big", sourceHandle: "false", target: "send_thanks" },
        to: { id: "e4", source: "is_big", sourceHandle: "true", target: "send_thanks" },
      },
    ]);
    expect(hasContentChanges(diff)).toBe(true);
  });

  it("treats a redrawn edge between the same handles as unchanged, null and out alike", () => {
    const before = sampleFlow();
    const after = {
      ...before,
      edges: before.edges.map((edge) => (edge.id === "e1" ? { ...edge, id: "e1b", sourceHandle: "out" } : edge)),
    };
    expect(diffVersions(before, after).edges).toEqual({ added: [], removed: [], rewired: [] });
  });

  it("reports vars and settings changes", () => {
    const before = sampleFlow();
    const after = {
      ...before,
      vars: { company: "Acme Ltd", region: "EU" },
      settings: { ...before.settings, timeZone: "UTC" },
    };
    const diff = diffVersions(before, after);
    expect(diff.vars).toEqual(["vars.company", "vars.region"]);
    expect(diff.settings).toEqual(["settings.timeZone"]);
    expect(hasContentChanges(diff)).toBe(true);
  });
});
