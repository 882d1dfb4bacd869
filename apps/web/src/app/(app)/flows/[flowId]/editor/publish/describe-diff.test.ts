import type { FlowDocument } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { describeDiff } from "./describe-diff";

/** The flow: Cal.com booking → "not a free consultation?" → HubSpot contact → Stripe draft invoice. */
function bookingFlow(): FlowDocument {
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
        props: {
          combinator: "and",
          rules: [{ field: "trigger.service", operator: "not_equals", value: "Free consultation" }],
        },
        label: "Paid service?",
        position: { x: 0, y: 100 },
      },
      {
        id: "contact",
        type: "action",
        connector: "hubspot",
        operation: "find-or-create-contact",
        connectionId: "00000000-0000-4000-8000-000000000001",
        props: { email: "{{ trigger.email }}" },
        label: "Find or create contact",
        position: { x: 0, y: 200 },
      },
      {
        id: "invoice",
        type: "action",
        connector: "stripe",
        operation: "create-draft-invoice",
        props: { customer: "{{ steps.contact.id }}" },
        label: "Create invoice",
        position: { x: 0, y: 300 },
      },
    ],
    edges: [
      { id: "e1", source: "booking", sourceHandle: null, target: "paid_service" },
      { id: "e2", source: "paid_service", sourceHandle: "true", target: "contact" },
      { id: "e3", source: "contact", sourceHandle: null, target: "invoice" },
    ],
  };
}

function edited(change: (flow: FlowDocument) => void): FlowDocument {
  const flow = structuredClone(bookingFlow());
  change(flow);
  return flow;
}

describe("describeDiff", () => {
  it("says exactly which prop changed, with the old and new value", () => {
    const v2 = edited((flow) => {
      const condition = flow.nodes[1];
      if (condition?.type !== "condition") throw new Error("fixture");
      condition.props.rules[0] = { field: "trigger.service", operator: "not_equals", value: "Intro call" };
    });
    expect(describeDiff(bookingFlow(), v2)).toEqual({
      entries: [
        {
          kind: "changed",
          text: 'Changed: Paid service? — props.rules[0].value: "Free consultation" → "Intro call"',
          nodeId: "paid_service",
        },
      ],
      movedOnly: 0,
      highlight: { paid_service: "changed" },
    });
  });

  it("lists added and removed steps, new and dropped connections, and rewired edges", () => {
    const v2 = edited((flow) => {
      flow.nodes = flow.nodes.filter((node) => node.id !== "invoice");
      flow.nodes.push({
        id: "thanks",
        type: "action",
        connector: "email",
        operation: "send",
        props: { to: "{{ trigger.email }}" },
        label: "Send thanks",
        position: { x: 200, y: 300 },
      });
      flow.edges = [
        { id: "e1", source: "booking", sourceHandle: null, target: "paid_service" },
        { id: "e2", source: "paid_service", sourceHandle: "false", target: "contact" },
        { id: "e4", source: "contact", sourceHandle: null, target: "thanks" },
      ];
    });
    const { entries, highlight } = describeDiff(bookingFlow(), v2);
    expect(entries.map((entry) => entry.text)).toEqual([
      "Added: Send thanks",
      "Removed: Create invoice",
      "Connected: “Find or create contact” → “Send thanks”",
      "Disconnected: “Find or create contact” → “Create invoice”",
      "Rewired: “Paid service?” (true) → “Find or create contact” now goes “Paid service?” (false) → “Find or create contact”",
    ]);
    expect(highlight).toEqual({ thanks: "added", invoice: "removed" });
  });

  it("counts steps that were only moved instead of listing them", () => {
    const v2 = edited((flow) => {
      for (const node of flow.nodes) node.position = { x: node.position.x + 40, y: node.position.y };
    });
    expect(describeDiff(bookingFlow(), v2)).toEqual({ entries: [], movedOnly: 4, highlight: {} });
  });

  it("names label, operation and settings changes, props that were added, and a changed connection", () => {
    const v2 = edited((flow) => {
      const contact = flow.nodes[2];
      const invoice = flow.nodes[3];
      if (contact?.type !== "action" || invoice?.type !== "action") throw new Error("fixture");
      contact.connectionId = "00000000-0000-4000-8000-000000000002";
      contact.position = { x: 10, y: 200 };
      invoice.label = "Draft invoice";
      invoice.operation = "create-invoice";
      invoice.props.daysUntilDue = 14;
      invoice.settings = { continueOnError: true };
      flow.settings = { timeZone: "Europe/Berlin" };
    });
    expect(describeDiff(bookingFlow(), v2).entries.map((entry) => entry.text)).toEqual([
      "Changed: Find or create contact — connection changed",
      'Changed: Draft invoice — label: "Create invoice" → "Draft invoice"',
      'Changed: Draft invoice — operation: "create-draft-invoice" → "create-invoice"',
      "Changed: Draft invoice — props.daysUntilDue: (not set) → 14",
      "Changed: Draft invoice — settings.continueOnError: (not set) → true",
      'Changed flow settings — settings.timeZone: (not set) → "Europe/Berlin"',
    ]);
  });

  it("finds nothing between a version and itself", () => {
    expect(describeDiff(bookingFlow(), bookingFlow())).toEqual({ entries: [], movedOnly: 0, highlight: {} });
  });
});
