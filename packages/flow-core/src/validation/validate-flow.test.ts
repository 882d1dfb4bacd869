import { describe, expect, it } from "vitest";
import type { FlowDocument } from "../schema/document";
import type { FlowNode } from "../schema/node";
import { at, edge, problemCases, replaceNode, withEdges, withNodes } from "../testing/problem-cases";
import { actionNode, sampleFlow, testConnectors } from "../testing/sample-flow";
import { FLOW_PROBLEM_CODES, type FlowProblem } from "./problems";
import { validateFlow } from "./validate-flow";

function validate(doc: FlowDocument): FlowProblem[] {
  return validateFlow(doc, { connectors: testConnectors, needsConnection: (connector) => connector === "vault" });
}

describe("validateFlow", () => {
  it("finds nothing wrong with the sample flow (expressions in typed props are checked at run time)", () => {
    expect(validate(sampleFlow())).toEqual([]);
  });

  it.each(problemCases)("reports $code", ({ code, doc, expected }) => {
    const problems = validate(doc());
    expect(problems.filter((problem) => problem.code === code)).toEqual([
      expect.objectContaining({ code, ...expected }),
    ]);
  });

  it("has a case for every problem code", () => {
    expect(new Set(problemCases.map((c) => c.code))).toEqual(new Set(FLOW_PROBLEM_CODES));
  });

  it("reports every problem at once, not just the first", () => {
    const doc = withEdges(
      withNodes(sampleFlow(), actionNode("orphan", { to: "{{ steps.ghost.x }}", subject: "" })),
      edge("e9", "ghost", "send_thanks"),
    );
    expect(validate(doc).map((problem) => problem.code)).toEqual([
      "edge_unknown_source",
      "unreachable_node",
      "invalid_props",
      "reference_unknown_node",
    ]);
  });

  it("reports a reference to the node itself as not running before it", () => {
    const doc = replaceNode(
      sampleFlow(),
      "send_thanks",
      (node) => ({ ...node, props: { to: "a@b.co", subject: "{{ steps.send_thanks.id }}" } }) as FlowNode,
    );
    expect(validate(doc)).toEqual([
      expect.objectContaining({ code: "reference_not_ancestor", message: expect.stringContaining("its own output") }),
    ]);
  });

  it("checks rule fields, loop items and delay dates as expressions", () => {
    const doc = withEdges(
      withNodes(
        replaceNode(
          sampleFlow(),
          "is_big",
          (node) =>
            ({
              ...node,
              props: { combinator: "and", rules: [{ field: "steps.send_thanks.ok", operator: "exists" }] },
            }) as FlowNode,
        ),
        { id: "each", type: "loop", label: "Each", props: { items: "steps.later.items" }, ...at },
        { id: "wait", type: "delay", label: "Wait", props: { mode: "until", at: "{{ steps.", timeZone: "UTC" }, ...at },
      ),
      edge("x1", "create_invoice", "each"),
      edge("x2", "each", "wait", "body"),
    );
    const found = validate(doc).map((problem) => [problem.code, problem.nodeId, problem.field]);
    expect(found).toEqual([
      ["reference_not_ancestor", "is_big", "props.rules[0].field"],
      ["reference_unknown_node", "each", "props.items"],
      ["expression_syntax", "wait", "props.at"],
    ]);
  });

  it("defers schema checks on props that hold expressions, including nested ones", () => {
    const doc = replaceNode(
      sampleFlow(),
      "create_invoice",
      (node) =>
        ({
          ...node,
          props: {
            customer: "c1",
            amount: "{{ trigger.amount }}",
            lines: [{ description: "x", quantity: 1.5 }, "{{ trigger.line }}"],
          },
        }) as FlowNode,
    );
    expect(validate(doc)).toEqual([
      expect.objectContaining({ code: "invalid_props", field: "props.lines[0].quantity" }),
    ]);
  });

  it("accepts steps inside a loop body reading the loop's current item", () => {
    const doc = withNodes(
      withEdges(sampleFlow(), edge("x1", "create_invoice", "each"), edge("x2", "each", "per_line", "body")),
      { id: "each", type: "loop", label: "Each", props: { items: "{{ trigger.lines }}" }, ...at },
      actionNode("per_line", { to: "a@b.co", subject: "Line {{ steps.each.index }}: {{ steps.each.item.name }}" }),
    );
    expect(validate(doc)).toEqual([]);
  });

  it("points syntax error positions at what the user typed in bare rule fields", () => {
    const doc = replaceNode(
      sampleFlow(),
      "is_big",
      (node) =>
        ({
          ...node,
          props: { combinator: "and", rules: [{ field: "trigger.amount +", operator: "exists" }] },
        }) as FlowNode,
    );
    expect(validate(doc)).toEqual([
      expect.objectContaining({ code: "expression_syntax", message: expect.stringContaining("at character 16") }),
    ]);
  });
});
