import { describe, expect, it } from "vitest";
import { newBranch } from "./paths-edits";

describe("newBranch", () => {
  it("takes a key no branch has, even after branches were removed", () => {
    const rules = { combinator: "and" as const, rules: [] };
    expect(newBranch([])).toEqual({ key: "path_1", label: "Path 1", rules });
    const branches = [
      { key: "path_2", label: "Paid", rules },
      { key: "path_3", label: "Other", rules },
    ];
    expect(newBranch(branches)).toMatchObject({ key: "path_4", label: "Path 3" });
  });
});
