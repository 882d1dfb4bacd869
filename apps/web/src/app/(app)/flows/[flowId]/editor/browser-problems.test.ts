import { toJsonSchemaForm } from "@handoff/connector-sdk";
import { connectors, needsConnection, propsSchemaFor } from "@handoff/connectors";
import { type FlowDocument, type FlowProblem, validateFlow } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { browserProblems } from "./browser-problems";
import type { EditorCatalog } from "./editor-contract";

// The catalog as `flows.catalog` builds it: JSON Schema forms generated from the registry.
const catalog: EditorCatalog = connectors.map((connector) => ({
  key: connector.key,
  name: connector.name,
  category: connector.category,
  needsConnection: connector.auth.kind !== "none",
  triggers: connector.triggers.map((trigger) => ({
    key: trigger.key,
    name: trigger.name,
    description: trigger.description,
    kind: trigger.kind,
    form: toJsonSchemaForm(trigger.props) as Record<string, unknown>,
    optionProps: [],
  })),
  actions: connector.actions.map((action) => ({
    key: action.key,
    name: action.name,
    description: action.description,
    form: toJsonSchemaForm(action.props) as Record<string, unknown>,
    optionProps: [],
  })),
}));

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
      id: "deal",
      type: "action",
      connector: "hubspot",
      operation: "create-deal",
      props: { dealname: "{{ trigger.title }}" },
      label: "Create deal",
      position: { x: 0, y: 140 },
    },
    {
      id: "invoice",
      type: "action",
      connector: "stripe",
      operation: "create-draft-invoice",
      props: { customerId: 42 },
      label: "Draft invoice",
      position: { x: 0, y: 280 },
    },
    {
      id: "call",
      type: "action",
      connector: "core",
      operation: "http-request",
      props: { url: "https://example.test/hook" },
      label: "Call",
      position: { x: 0, y: 420 },
    },
    {
      id: "check",
      type: "condition",
      props: { combinator: "and", rules: [] },
      label: "Check",
      position: { x: 300, y: 0 },
    },
  ],
  edges: [
    { id: "e1", source: "booking", sourceHandle: null, target: "deal" },
    { id: "e2", source: "deal", sourceHandle: null, target: "invoice" },
    { id: "e3", source: "invoice", sourceHandle: null, target: "call" },
  ],
};

const where = (problems: FlowProblem[]) =>
  problems.map(({ code, nodeId, field }) => `${code} ${nodeId ?? "-"} ${field ?? "-"}`).sort();

describe("browserProblems", () => {
  it("finds what the server finds: props, connections and structure", () => {
    const server = validateFlow(draft, { connectors: propsSchemaFor, needsConnection });
    const browser = browserProblems(draft, catalog);
    expect(where(browser)).toEqual(where(server));
    expect(where(browser)).toEqual(
      expect.arrayContaining([
        "invalid_props deal props.dealstage",
        "invalid_props invoice props.customerId",
        "missing_connection booking connectionId",
        "unreachable_node check -",
      ]),
    );
    expect(where(browser).some((entry) => entry.startsWith("missing_connection call"))).toBe(false);
  });

  it("reports an operation the catalog does not have", () => {
    const unknown: FlowDocument = {
      ...draft,
      nodes: [{ ...draft.nodes[0], operation: "booking-exploded" } as FlowDocument["nodes"][number]],
      edges: [],
    };
    expect(where(browserProblems(unknown, catalog))).toContain("unknown_connector_operation booking operation");
  });
});
