import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../schema/document";
import { actionNode, nodeById, sampleFlow } from "../testing/sample-flow";
import { stronglyConnectedComponents } from "./components";
import { indexGraph } from "./graph-index";
import {
  ancestorsOf,
  descendantsOf,
  findCycle,
  findTrigger,
  loopBody,
  successors,
  topologicalOrder,
  wouldCreateCycle,
} from "./walk";

function loopFlow(): FlowDocument {
  const doc = sampleFlow();
  return {
    ...doc,
    nodes: [
      nodeById(doc, "deal_won"),
      {
        id: "each_line",
        type: "loop",
        props: { items: "trigger.lines" },
        label: "Each line",
        position: { x: 0, y: 0 },
      },
      actionNode("per_item"),
      actionNode("per_item_2"),
      actionNode("after"),
    ],
    edges: [
      { id: "a", source: "deal_won", sourceHandle: null, target: "each_line" },
      { id: "b", source: "each_line", sourceHandle: "body", target: "per_item" },
      { id: "c", source: "per_item", sourceHandle: null, target: "per_item_2" },
      { id: "d", source: "each_line", sourceHandle: "done", target: "after" },
    ],
  };
}

describe("graph walks", () => {
  const doc = sampleFlow();

  it("finds the trigger", () => {
    expect(findTrigger(doc)?.id).toBe("deal_won");
    expect(findTrigger({ nodes: [], edges: [] })).toBeUndefined();
  });

  it("orders nodes so every step comes after its parents, ties in document order", () => {
    expect(topologicalOrder(doc)).toEqual(["deal_won", "find_contact", "is_big", "create_invoice", "send_thanks"]);
    const reversed = { ...doc, nodes: [...doc.nodes].reverse() };
    expect(topologicalOrder(reversed)).toEqual(["deal_won", "find_contact", "is_big", "send_thanks", "create_invoice"]);
  });

  it("leaves nodes on a cycle out of the order", () => {
    const cyclic = {
      ...doc,
      edges: [...doc.edges, { id: "back", source: "create_invoice", sourceHandle: null, target: "find_contact" }],
    };
    expect(topologicalOrder(cyclic)).toEqual(["deal_won"]);
    expect(findCycle(cyclic)).toEqual(["find_contact", "is_big", "create_invoice", "find_contact"]);
    expect(findCycle(doc)).toBeUndefined();
  });

  it("computes ancestors and descendants", () => {
    expect([...ancestorsOf(doc, "create_invoice")].sort()).toEqual(["deal_won", "find_contact", "is_big"]);
    expect([...descendantsOf(doc, "is_big")].sort()).toEqual(["create_invoice", "send_thanks"]);
    expect(ancestorsOf(doc, "deal_won").size).toBe(0);
  });

  it("lists successors, optionally by handle, treating null and out alike", () => {
    expect(successors(doc, "is_big")).toEqual(["create_invoice", "send_thanks"]);
    expect(successors(doc, "is_big", "false")).toEqual(["send_thanks"]);
    expect(successors(doc, "deal_won", "out")).toEqual(["find_contact"]);
    expect(successors(doc, "find_contact", null)).toEqual(["is_big"]);
  });

  it("knows which nodes form a loop body", () => {
    expect([...loopBody(loopFlow(), "each_line")].sort()).toEqual(["per_item", "per_item_2"]);
  });

  it("detects edges that would close a cycle", () => {
    expect(wouldCreateCycle(doc, "send_thanks", "deal_won")).toBe(true);
    expect(wouldCreateCycle(doc, "is_big", "is_big")).toBe(true);
    expect(wouldCreateCycle(doc, "create_invoice", "send_thanks")).toBe(false);
  });

  it("groups cycles into strongly connected components", () => {
    const cyclic = {
      ...doc,
      edges: [
        ...doc.edges,
        { id: "x", source: "create_invoice", sourceHandle: null, target: "is_big" },
        { id: "y", source: "send_thanks", sourceHandle: null, target: "find_contact" },
      ],
    };
    const big = stronglyConnectedComponents(indexGraph(cyclic)).filter((component) => component.length > 1);
    expect(big.map((component) => [...component].sort())).toEqual([
      ["create_invoice", "find_contact", "is_big", "send_thanks"],
    ]);
  });
});
