import { describe, expect, it } from "vitest";
import { FLOW_NAME_MAX_LENGTH, flowNameProblem } from "./flow-name";

describe("flowNameProblem", () => {
  it("accepts a name, ignoring surrounding spaces", () => {
    expect(flowNameProblem("Booking → invoice")).toBeNull();
    expect(flowNameProblem(`  ${"x".repeat(FLOW_NAME_MAX_LENGTH)}  `)).toBeNull();
  });

  it("refuses an empty or blank name", () => {
    expect(flowNameProblem("")).toBe("Give the flow a name");
    expect(flowNameProblem("   ")).toBe("Give the flow a name");
  });

  it("refuses a name over the limit and says how long it is", () => {
    expect(flowNameProblem("x".repeat(FLOW_NAME_MAX_LENGTH + 1))).toBe("Keep the name to 200 characters (it has 201)");
  });
});
