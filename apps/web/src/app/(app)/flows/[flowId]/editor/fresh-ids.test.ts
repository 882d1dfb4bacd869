import type { FlowDocument } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { freshEdgeId, freshNodeId } from "./fresh-ids";

const graph = {
  nodes: [
    { id: "find_or_create_contact", type: "loop", label: "", position: { x: 0, y: 0 }, props: { items: "x" } },
    { id: "find_or_create_contact_2", type: "loop", label: "", position: { x: 0, y: 0 }, props: { items: "x" } },
  ],
  edges: [{ id: "a-out-b", source: "a", sourceHandle: null, target: "b" }],
} satisfies Pick<FlowDocument, "nodes" | "edges">;

describe("freshNodeId", () => {
  it("turns an operation key into an identifier and skips taken ones", () => {
    expect(freshNodeId(graph, "create-draft-invoice")).toBe("create_draft_invoice");
    expect(freshNodeId(graph, "find-or-create-contact")).toBe("find_or_create_contact_3");
    expect(freshNodeId(graph, "2 Step!")).toBe("step_2_step");
    expect(freshNodeId(graph, "---")).toBe("step");
    expect(freshNodeId(graph, "x".repeat(200))).toHaveLength(60);
  });
});

describe("freshEdgeId", () => {
  it("names the edge after its ends and handle", () => {
    expect(freshEdgeId(graph, "check", "true", "invoice")).toBe("check-true-invoice");
    expect(freshEdgeId(graph, "a", null, "b")).toBe("a-out-b_2");
    expect(freshEdgeId(graph, "n".repeat(64), "out", "m".repeat(64))).toBe("edge");
  });
});
