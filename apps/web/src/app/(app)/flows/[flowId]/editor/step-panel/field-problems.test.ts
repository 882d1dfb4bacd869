import type { FlowProblem } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { inlineMessage, isUnderPath, panelAnchors, problemsAt, unplacedProblems } from "./field-problems";

function problem(field: string | undefined, message = "bad"): FlowProblem {
  return { code: "invalid_props", nodeId: "crm", message, ...(field === undefined ? {} : { field }) };
}

describe("isUnderPath", () => {
  it("matches the path itself and what is inside it, segment by segment", () => {
    expect(isUnderPath("props.email", "props.email")).toBe(true);
    expect(isUnderPath("props.lines[0].unitAmount", "props.lines")).toBe(true);
    expect(isUnderPath("props.lines[0].unitAmount", "props.lines[0]")).toBe(true);
    expect(isUnderPath('props.headers["X-Id"]', "props.headers")).toBe(true);
    expect(isUnderPath("props.emailCc", "props.email")).toBe(false);
    expect(isUnderPath("props.lines[10]", "props.lines[1]")).toBe(false);
  });
});

describe("problemsAt", () => {
  const problems = [
    problem("props.email"),
    problem("props.lines"),
    problem("props.lines[0].unitAmount"),
    problem("connectionId"),
    problem(undefined),
  ];

  it("gives a field its own problems and those inside it", () => {
    expect(problemsAt(problems, "props.email")).toEqual([problems[0]]);
    expect(problemsAt(problems, "props.lines")).toEqual([problems[1], problems[2]]);
    expect(problemsAt(problems, "connectionId")).toEqual([problems[3]]);
  });

  it("leaves to a nested field what it shows itself", () => {
    expect(problemsAt(problems, "props.lines", ["props.lines[0]"])).toEqual([problems[1]]);
    expect(problemsAt(problems, "props.lines[0]")).toEqual([problems[2]]);
  });

  it("puts what no field shows at the top", () => {
    expect(unplacedProblems(problems, ["props.email", "props.lines", "connectionId"])).toEqual([problems[4]]);
    expect(unplacedProblems([problem("props")], ["props.email"])).toEqual([problem("props")]);
  });
});

describe("inlineMessage", () => {
  const node = { id: "crm", label: "Find contact" };

  it("drops the node and field the field already shows", () => {
    expect(
      inlineMessage(problem("props.email", '"Find contact" (crm): props.email — Invalid email address'), node),
    ).toBe("Invalid email address");
    expect(
      inlineMessage(
        problem("props.note", '"Find contact" (crm): props.note refers to steps.x, but there is no step with id "x"'),
        node,
      ),
    ).toBe('This field refers to steps.x, but there is no step with id "x"');
    expect(inlineMessage(problem("connectionId", "Choose a connection"), node)).toBe("Choose a connection");
    expect(
      inlineMessage(
        problem(
          "props.lines[0].description",
          '"Find contact" (crm): props.lines[0].description — Invalid input: expected string, received undefined',
        ),
        node,
      ),
    ).toBe("Required");
    expect(inlineMessage(problem("connectionId", '"Find contact" (crm) needs a hubspot connection'), node)).toBe(
      "Needs a hubspot connection",
    );
  });
});

describe("panelAnchors", () => {
  it("places a connector step's problems on its fields and a logic step's on its editor", () => {
    const connector = panelAnchors("action", ["props.email"]);
    expect(unplacedProblems([problem("props.email"), problem("connectionId"), problem("props")], connector)).toEqual([
      problem("props"),
    ]);
    expect(unplacedProblems([problem("props.rules"), problem(undefined)], panelAnchors("condition", []))).toEqual([
      problem(undefined),
    ]);
  });
});
