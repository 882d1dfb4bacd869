import { type FlowNode, nodeName } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { problemsFromError, problemText } from "./publish-problems";

const invoice: FlowNode = {
  id: "invoice",
  type: "action",
  connector: "stripe",
  operation: "create-draft-invoice",
  props: {},
  label: "Create invoice",
  position: { x: 0, y: 0 },
};
const draft = { nodes: [invoice] };

describe("problemText", () => {
  it("names the node by its label instead of label and id", () => {
    expect(
      problemText(
        {
          code: "invalid_props",
          message: `${nodeName(invoice)}: props.customer — Customer is required`,
          nodeId: "invoice",
        },
        draft,
      ),
    ).toBe('"Create invoice": props.customer — Customer is required');
    expect(
      problemText(
        {
          code: "unreachable_node",
          message: `${nodeName(invoice)} is not connected to the trigger "Booking" (b), so it never runs`,
          nodeId: "invoice",
        },
        draft,
      ),
    ).toBe('"Create invoice" is not connected to the trigger "Booking" (b), so it never runs');
  });

  it("prefixes the label when the message does not name the node, and leaves flow-wide problems alone", () => {
    expect(problemText({ code: "invalid_props", message: "Customer is required", nodeId: "invoice" }, draft)).toBe(
      '"Create invoice": Customer is required',
    );
    expect(problemText({ code: "no_trigger", message: "The flow has no trigger; add one to start it" }, draft)).toBe(
      "The flow has no trigger; add one to start it",
    );
    expect(problemText({ code: "invalid_props", message: "Gone", nodeId: "deleted" }, draft)).toBe("Gone");
  });
});

describe("problemsFromError", () => {
  it("reads the problems of a publish refusal, and nothing from other errors", () => {
    const problem = { code: "no_trigger", message: "The flow has no trigger" };
    expect(problemsFromError({ data: { code: "BAD_REQUEST", problems: [problem, { junk: true }] } })).toEqual([
      problem,
    ]);
    expect(problemsFromError({ data: { code: "CONFLICT" } })).toBeNull();
    expect(problemsFromError(new Error("network"))).toBeNull();
    expect(problemsFromError(null)).toBeNull();
  });
});
