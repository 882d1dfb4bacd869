import { describe, expect, it } from "vitest";
import { allowedHandles, isHandleAllowed, normalizeHandle } from "./handles";
import type { FlowNode } from "./schema/node";
import { actionNode, nodeById, sampleFlow } from "./testing/sample-flow";

describe("handles", () => {
  const doc = sampleFlow();
  const loop: FlowNode = {
    id: "l",
    type: "loop",
    label: "L",
    position: { x: 0, y: 0 },
    props: { items: "trigger.items" },
  };
  const paths: FlowNode = {
    id: "p",
    type: "paths",
    label: "P",
    position: { x: 0, y: 0 },
    props: { mode: "first-match", branches: [{ key: "vip", label: "VIP", rules: { combinator: "and", rules: [] } }] },
  };

  it("gives each node type its handles", () => {
    expect(allowedHandles(nodeById(doc, "is_big"))).toEqual(["true", "false"]);
    expect(allowedHandles(loop)).toEqual(["body", "done"]);
    expect(allowedHandles(paths)).toEqual(["vip"]);
    expect(allowedHandles(actionNode("a"))).toEqual(["out"]);
  });

  it("treats null and out as the same default handle", () => {
    expect(normalizeHandle(null)).toBe("out");
    expect(isHandleAllowed(actionNode("a"), null)).toBe(true);
    expect(isHandleAllowed(actionNode("a"), "true")).toBe(false);
    expect(isHandleAllowed(nodeById(doc, "is_big"), null)).toBe(false);
    expect(isHandleAllowed(paths, "vip")).toBe(true);
  });
});
