import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { describeVersionChanges } from "./describe-version-changes";

const ran: FlowDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      connector: "core",
      operation: "webhook",
      props: {},
      label: "Booking",
      position: { x: 0, y: 0 },
    },
    {
      id: "invoice",
      type: "action",
      connector: "core",
      operation: "http-request",
      props: { method: "POST", url: "https://invoices.example" },
      label: "Create invoice",
      position: { x: 0, y: 120 },
    },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: null, target: "invoice" }],
};

describe("what changed since the version a run ran", () => {
  it("lists added, removed and changed steps, and rewiring, but not steps only moved", () => {
    const [trigger, invoice] = ran.nodes;
    if (!trigger || !invoice || invoice.type !== "action") throw new Error("fixture");
    const current: FlowDocument = {
      ...ran,
      nodes: [
        { ...trigger, position: { x: 40, y: 0 } },
        { ...invoice, props: { ...invoice.props, url: "https://invoices.example/v2" } },
        { ...invoice, id: "remind", label: "Send reminder" },
      ],
      edges: [...ran.edges, { id: "e2", source: "invoice", sourceHandle: null, target: "remind" }],
    };
    expect(describeVersionChanges(ran, current)).toEqual([
      "Added: Send reminder",
      "Changed: Create invoice — props.url",
      "Connections between steps: 1 change",
    ]);
    expect(describeVersionChanges(current, ran)).toContain("Removed: Send reminder");
  });

  it("has nothing to say about the same version", () => {
    expect(describeVersionChanges(ran, ran)).toEqual([]);
  });
});
