import type { FlowDocument } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import type { EditorCatalog } from "../editor-contract";
import { toCanvasEdges, toCanvasNodes } from "./flow-to-canvas";

const catalog: EditorCatalog = [
  {
    key: "hubspot",
    name: "HubSpot",
    category: "crm",
    needsConnection: true,
    triggers: [],
    actions: [
      { key: "find-or-create-contact", name: "Find or create contact", description: "", form: {}, optionProps: [] },
    ],
  },
];

const draft: FlowDocument = {
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
      id: "paid",
      type: "condition",
      props: { combinator: "and", rules: [] },
      label: "Paid?",
      position: { x: 0, y: 150 },
    },
    {
      id: "contact",
      type: "action",
      connector: "hubspot",
      operation: "find-or-create-contact",
      props: {},
      label: "",
      position: { x: 0, y: 300 },
    },
    {
      id: "route",
      type: "paths",
      props: {
        mode: "first-match",
        branches: [
          { key: "vip", label: "VIP clients", rules: { combinator: "and", rules: [] } },
          { key: "rest", label: "", rules: { combinator: "and", rules: [] } },
        ],
      },
      label: "Route",
      position: { x: 260, y: 300 },
    },
  ],
  edges: [
    { id: "e1", source: "booking", sourceHandle: null, target: "paid" },
    { id: "e2", source: "paid", sourceHandle: "true", target: "contact" },
    { id: "e3", source: "paid", sourceHandle: "false", target: "route" },
  ],
};

describe("toCanvasNodes", () => {
  const nodes = toCanvasNodes({
    draft,
    catalog,
    problems: [
      { code: "empty_rule_group", message: "no rules", nodeId: "paid" },
      { code: "invalid_pattern", message: "bad", nodeId: "paid" },
      { code: "no_trigger", message: "flow-wide" },
    ],
    testRun: {
      runId: "r1",
      status: "succeeded",
      finished: true,
      steps: { booking: { status: "succeeded", input: {}, output: {}, error: null, durationMs: 12 } },
    },
    diffHighlight: { contact: "changed" },
    selectedNodeId: "paid",
    canEdit: true,
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));

  it("labels every node for people and tests", () => {
    expect(byId.get("booking")).toMatchObject({
      type: "trigger",
      ariaLabel: "Booking created",
      domAttributes: { "data-testid": "node-booking" },
      data: {
        kind: "Trigger",
        operation: "calcom · booking-created",
        hasInput: false,
        test: { status: "succeeded", durationMs: 12 },
      },
    });
    expect(byId.get("contact")).toMatchObject({
      ariaLabel: "contact",
      data: { category: "crm", operation: "HubSpot · Find or create contact", diff: "changed", test: null },
    });
  });

  it("counts each node's problems and marks the selection", () => {
    expect(byId.get("paid")).toMatchObject({ selected: true, data: { problemCount: 2, category: "logic" } });
    expect(byId.get("booking")).toMatchObject({ selected: false, data: { problemCount: 0 } });
  });

  it("gives condition and paths nodes their named handles", () => {
    expect(byId.get("paid")?.data.outputs).toEqual([
      { id: "true", label: "true" },
      { id: "false", label: "false" },
    ]);
    expect(byId.get("route")?.data.outputs).toEqual([
      { id: "vip", label: "VIP clients" },
      { id: "rest", label: "rest" },
    ]);
    expect(byId.get("contact")?.data.outputs).toEqual([{ id: "out", label: null }]);
  });
});

describe("toCanvasEdges", () => {
  it("normalises the default handle and names branch edges", () => {
    const edges = toCanvasEdges(draft, "e2");
    expect(edges.map((edge) => [edge.id, edge.sourceHandle, edge.label, edge.selected, edge.ariaLabel])).toEqual([
      ["e1", "out", undefined, false, "Booking created to Paid?"],
      ["e2", "true", "true", true, "Paid? (true) to contact"],
      ["e3", "false", "false", false, "Paid? (false) to Route"],
    ]);
  });
});
