import type { FlowDocument, FlowNode } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { summarizeGraphChange } from "./summarize-graph-change";

const node = (id: string, x: number, url = "https://a.example"): FlowNode => ({
  id,
  type: "action",
  connector: "core",
  operation: "http-request",
  label: id,
  position: { x, y: 0 },
  props: { method: "POST", url },
});
const trigger: FlowNode = {
  id: "hook",
  type: "trigger",
  connector: "core",
  operation: "webhook",
  label: "Webhook",
  position: { x: 0, y: 0 },
  props: {},
};
const doc = (nodes: FlowNode[], vars?: FlowDocument["vars"]): FlowDocument => ({
  schemaVersion: 2,
  nodes,
  edges: nodes.slice(1).map((n) => ({ id: `e-${n.id}`, source: "hook", sourceHandle: null, target: n.id })),
  ...(vars ? { vars } : {}),
});

describe("summarizeGraphChange", () => {
  it("names added, removed, changed and moved nodes by id, and only the paths of changed vars", () => {
    const before = doc([trigger, node("keep", 100), node("drop", 200), node("edit", 300), node("move", 400)], {
      apiRegion: "eu",
    });
    const after = doc(
      [
        trigger,
        node("keep", 100),
        node("edit", 300, "https://b.example/secret-ish"),
        node("move", 450),
        node("new", 500),
      ],
      { apiRegion: "us" },
    );
    const summary = summarizeGraphChange(before, after);
    expect(summary).toEqual({
      nodesAdded: ["new"],
      nodesRemoved: ["drop"],
      nodesChanged: ["edit"],
      nodesMoved: ["move"],
      edgesAdded: 1,
      edgesRemoved: 1,
      edgesRewired: 0,
      varsChanged: ["vars.apiRegion"],
      settingsChanged: [],
    });
    expect(JSON.stringify(summary)).not.toMatch(/secret-ish|"us"|"eu"/);
  });

  it("treats an unreadable stored draft as empty rather than failing the save", () => {
    expect(summarizeGraphChange({ nonsense: true }, doc([trigger])).nodesAdded).toEqual(["hook"]);
  });
});
