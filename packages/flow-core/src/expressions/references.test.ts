import { describe, expect, it } from "vitest";
import { extractExpressionReferences, extractReferences } from "./references";

describe("extractReferences", () => {
  it("finds trigger, vars and step roots across a template", () => {
    expect(extractReferences("Hi {{ trigger.name }} from {{ vars.company }} re {{ steps.find_contact.id }}")).toEqual([
      { root: "trigger" },
      { root: "vars" },
      { root: "steps", nodeId: "find_contact" },
    ]);
  });

  it("reads references inside function calls, conditions, lambdas and blocks", () => {
    const refs = extractExpressionReferences(
      "($total := $sum(steps.lines.items.price); $total > 10 ? steps.big.id : $map(trigger.items, function($v) { steps.small.id }))",
    );
    expect(refs).toEqual([
      { root: "steps", nodeId: "lines" },
      { root: "steps", nodeId: "big" },
      { root: "trigger" },
      { root: "steps", nodeId: "small" },
    ]);
  });

  it("ignores names relative to the current item (predicates, later path steps)", () => {
    expect(extractExpressionReferences("trigger.items[price > 5].(qty * price)")).toEqual([{ root: "trigger" }]);
    expect(extractExpressionReferences("trigger.items[steps > 1]")).toEqual([{ root: "trigger" }]);
  });

  it("follows $ and $$ to the top", () => {
    expect(extractExpressionReferences("$.steps.a.x")).toEqual([{ root: "steps", nodeId: "a" }]);
    expect(extractExpressionReferences("trigger.items[$$.steps.b.min < price]")).toEqual([
      { root: "trigger" },
      { root: "steps", nodeId: "b" },
    ]);
  });

  it("reports unknown roots and dynamic step access", () => {
    expect(extractExpressionReferences("trigr.name")).toEqual([{ root: "unknown", name: "trigr" }]);
    expect(extractExpressionReferences('$lookup(steps, "a")')).toEqual([{ root: "steps", nodeId: null }]);
    expect(extractExpressionReferences("steps.`odd-id`.x")).toEqual([{ root: "steps", nodeId: "odd-id" }]);
  });

  it("returns nothing for text without expressions or with broken ones", () => {
    expect(extractReferences("plain text")).toEqual([]);
    expect(extractReferences("{{ steps.a. }}")).toEqual([]);
  });
});
