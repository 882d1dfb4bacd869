import { OPERATORS, type RuleGroup, ZRuleGroup } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { OPERATOR_LABELS } from "./operator-labels";
import {
  newGroup,
  newRule,
  unfinishedRules,
  valueText,
  withAdded,
  withEntry,
  withOperator,
  withoutEntry,
} from "./rule-edits";

describe("rule edits", () => {
  const group: RuleGroup = {
    combinator: "and",
    rules: [
      { field: "trigger.booking.service", operator: "not_equals", value: "Free consultation" },
      { combinator: "or", rules: [{ field: "trigger.price", operator: "greater_than", value: 0 }] },
    ],
  };

  it("drops the value of a unary operator and gives one back after", () => {
    const empty = withOperator({ field: "x", operator: "equals", value: "a" }, "is_empty");
    expect(empty).toEqual({ field: "x", operator: "is_empty" });
    expect(withOperator(empty, "contains")).toEqual({ field: "x", operator: "contains", value: "" });
  });

  it("replaces, adds and removes entries without touching the others", () => {
    const renamed = withEntry(group, 0, { field: "trigger.service", operator: "equals", value: "Cut" });
    expect(renamed.rules[0]).toEqual({ field: "trigger.service", operator: "equals", value: "Cut" });
    expect(renamed.rules[1]).toBe(group.rules[1]);
    expect(withoutEntry(group, 0).rules).toEqual([group.rules[1]]);
    expect(withAdded(group, newGroup()).rules).toHaveLength(3);
  });

  it("counts the rules still waiting for a field, nested ones included: those the schema refuses", () => {
    const unfinished = withAdded(withEntry(group, 1, withAdded(newGroup(), newRule())), newRule());
    expect(unfinishedRules(group)).toBe(0);
    expect(ZRuleGroup.safeParse(group).success).toBe(true);
    expect(unfinishedRules(unfinished)).toBe(2);
    expect(ZRuleGroup.safeParse(unfinished).success).toBe(false);
  });

  it("shows values as typed", () => {
    expect(valueText(["a", "b"])).toBe("a, b");
    expect(valueText(12)).toBe("12");
    expect(valueText(undefined)).toBe("");
  });
});

describe("operator labels", () => {
  it("name every operator the evaluator has, and no other", () => {
    expect(Object.keys(OPERATOR_LABELS).sort()).toEqual(Object.keys(OPERATORS).sort());
    expect(new Set(Object.values(OPERATOR_LABELS)).size).toBe(Object.keys(OPERATORS).length);
  });
});
