import { describe, expect, it } from "vitest";
import { lagTargetMs } from "./lag-target";

function graphWithTrigger(connector: string, operation: string) {
  return {
    schemaVersion: 2,
    nodes: [
      { id: "t", type: "trigger", connector, operation, props: {}, label: "t", position: { x: 0, y: 0 } },
      {
        id: "a",
        type: "action",
        connector: "hubspot",
        operation: "update-contact",
        props: {},
        label: "a",
        position: { x: 0, y: 0 },
      },
    ],
    edges: [],
  };
}

describe("the lag target of a published flow", () => {
  it.each([
    ["a Cal.com booking", "calcom", "booking-rescheduled", 60_000],
    ["a Stripe invoice", "stripe", "invoice-paid", 300_000],
    ["a Stripe payment", "stripe", "invoice-payment-received", 300_000],
    ["a HubSpot contact", "hubspot", "contact-created", null],
    ["a plain webhook", "core", "webhook", null],
    ["a schedule", "core", "schedule", null],
    ["a trigger the registry no longer knows", "calcom", "booking-teleported", null],
  ])("%s: %s", (_name, connector, operation, target) => {
    expect(lagTargetMs(graphWithTrigger(connector, operation))).toBe(target);
  });

  it("is none for a flow never published or a graph that does not parse", () => {
    expect(lagTargetMs(null)).toBeNull();
    expect(lagTargetMs({ schemaVersion: 2, nodes: "not nodes" })).toBeNull();
  });
});
