import type { FlowDocument, FlowNode } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import type { TestRunView } from "../../editor-contract";
import type { Catalog } from "../editor-lookups";
import { dataSourcesFor, valueAtPath } from "./data-sources";

const position = { x: 0, y: 0 };

function connectorNode(id: string, type: "trigger" | "action", connector: string, operation: string): FlowNode {
  return { id, type, connector, operation, props: {}, label: `Step ${id}`, position };
}

const operation = { description: "", form: {}, optionProps: [] };
const catalog: Catalog = [
  {
    key: "calcom",
    name: "Cal.com",
    category: "calendar",
    needsConnection: true,
    triggers: [
      {
        ...operation,
        key: "booking-created",
        name: "Booking created",
        kind: "webhook",
        sampleOutput: { attendees: [{ email: "jane@example.com" }], lines: [{ sku: "cut" }, { sku: "dry" }] },
      },
    ],
    actions: [],
  },
  {
    key: "hubspot",
    name: "HubSpot",
    category: "crm",
    needsConnection: true,
    triggers: [],
    actions: [{ ...operation, key: "find-contact", name: "Find contact", sampleOutput: { id: "1001" } }],
  },
];

/** booked → find → check ─true→ invoice; check ─false→ other; booked → each ─body→ per_line. */
function flow(): FlowDocument {
  return {
    schemaVersion: 2,
    nodes: [
      connectorNode("booked", "trigger", "calcom", "booking-created"),
      connectorNode("find", "action", "hubspot", "find-contact"),
      { id: "check", type: "condition", label: "", position, props: { combinator: "and", rules: [] } },
      connectorNode("invoice", "action", "hubspot", "find-contact"),
      connectorNode("other", "action", "hubspot", "unknown-op"),
      { id: "each", type: "loop", label: "Each line", position, props: { items: "{{ trigger.lines }}" } },
      connectorNode("per_line", "action", "hubspot", "find-contact"),
      connectorNode("after_loop", "action", "hubspot", "find-contact"),
    ],
    edges: [
      { id: "e1", source: "booked", sourceHandle: null, target: "find" },
      { id: "e2", source: "find", sourceHandle: null, target: "check" },
      { id: "e3", source: "check", sourceHandle: "true", target: "invoice" },
      { id: "e4", source: "check", sourceHandle: "false", target: "other" },
      { id: "e5", source: "booked", sourceHandle: null, target: "each" },
      { id: "e6", source: "each", sourceHandle: "body", target: "per_line" },
      { id: "e7", source: "each", sourceHandle: "done", target: "after_loop" },
    ],
    vars: { company: "Salon Lumière" },
  };
}

describe("dataSourcesFor", () => {
  it("offers the trigger and the steps that run before, in run order, with the catalog's samples", () => {
    const sources = dataSourcesFor({ draft: flow(), nodeId: "invoice", catalog, testRun: null });
    expect(sources.map((source) => source.path)).toEqual([["trigger"], ["steps", "find"], ["vars"]]);
    expect(sources[0]).toMatchObject({ title: "Step booked", origin: "sample" });
    expect(sources[1]).toMatchObject({ sample: { id: "1001" }, origin: "sample" });
    expect(sources[2]).toMatchObject({ sample: { company: "Salon Lumière" } });
  });

  it("prefers the latest test run's outputs", () => {
    const testRun: TestRunView = {
      runId: "r1",
      status: "succeeded",
      finished: true,
      steps: {
        booked: { status: "succeeded", input: null, output: { uid: "abc" }, error: null, durationMs: 1 },
        find: { status: "failed", input: null, output: null, error: "boom", durationMs: 1 },
      },
    };
    const [trigger, find] = dataSourcesFor({ draft: flow(), nodeId: "invoice", catalog, testRun });
    expect(trigger).toMatchObject({ sample: { uid: "abc" }, origin: "test" });
    expect(find).toMatchObject({ sample: { id: "1001" }, origin: "sample" });
  });

  it("has no sample for an operation the catalog does not know, and nothing for the trigger itself", () => {
    expect(dataSourcesFor({ draft: flow(), nodeId: "booked", catalog, testRun: null }).map((s) => s.path)).toEqual([
      ["vars"],
    ]);
    const withoutCatalog = dataSourcesFor({ draft: flow(), nodeId: "find", catalog: undefined, testRun: null });
    expect(withoutCatalog[0]).toMatchObject({ path: ["trigger"], sample: undefined, origin: "none" });
  });

  it("gives a loop's body the current item and the steps after it the count", () => {
    const inside = dataSourcesFor({ draft: flow(), nodeId: "per_line", catalog, testRun: null });
    expect(inside.find((source) => source.path[1] === "each")?.sample).toEqual({ item: { sku: "cut" }, index: 0 });
    const after = dataSourcesFor({ draft: flow(), nodeId: "after_loop", catalog, testRun: null });
    expect(after.find((source) => source.path[1] === "each")?.sample).toEqual({ count: 2 });
  });
});

describe("valueAtPath", () => {
  const data = { trigger: { lines: [{ sku: "cut" }] }, steps: { crm: { id: "1" } } };

  it("reads plain paths, with or without braces", () => {
    expect(valueAtPath("trigger.lines[0].sku", data)).toBe("cut");
    expect(valueAtPath("{{ steps.crm.id }}", data)).toBe("1");
  });

  it("gives up on anything that is not a plain path", () => {
    expect(valueAtPath("$count(trigger.lines)", data)).toBeUndefined();
    expect(valueAtPath("trigger.missing.deeper", data)).toBeUndefined();
  });
});
