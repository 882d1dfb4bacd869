import { describe, expect, it } from "vitest";
import type { ExpressionContext } from "../expressions/evaluate";
import type { RuleGroup } from "../schema/rules";
import { evaluateCondition, explainCondition, selectPaths } from "./evaluate";
import { ConditionError } from "./operators";

const context: ExpressionContext = {
  trigger: { amount: "1200.00", status: "won", contact: { email: "ada@example.com", tier: "gold" } },
  steps: { lookup: { threshold: 1000, blocked: ["spam@example.com"] } },
  vars: { vipTiers: ["gold", "platinum"] },
};

describe("evaluateCondition", () => {
  it("combines rules with and/or, reading fields as expressions with or without braces", async () => {
    const group: RuleGroup = {
      combinator: "and",
      rules: [
        { field: "trigger.amount", operator: "greater_than", value: "{{ steps.lookup.threshold }}" },
        { field: "{{ trigger.status }}", operator: "equals", value: "won" },
      ],
    };
    expect(await evaluateCondition(group, context)).toBe(true);
    expect(
      await evaluateCondition(
        { ...group, rules: [...group.rules, { field: "trigger.nope", operator: "exists" }] },
        context,
      ),
    ).toBe(false);
    expect(
      await evaluateCondition(
        { combinator: "or", rules: [{ field: "trigger.nope", operator: "exists" }, ...group.rules] },
        context,
      ),
    ).toBe(true);
  });

  it("nests groups and resolves list values from vars", async () => {
    const group: RuleGroup = {
      combinator: "or",
      rules: [
        { field: "trigger.status", operator: "equals", value: "lost" },
        {
          combinator: "and",
          rules: [
            { field: "trigger.contact.tier", operator: "in_list", value: "{{ vars.vipTiers }}" },
            { field: "trigger.contact.email", operator: "not_in_list", value: "{{ steps.lookup.blocked }}" },
          ],
        },
      ],
    };
    expect(await evaluateCondition(group, context)).toBe(true);
  });

  it("treats an empty and-group as true and an empty or-group as false", async () => {
    expect(await evaluateCondition({ combinator: "and", rules: [] }, context)).toBe(true);
    expect(await evaluateCondition({ combinator: "or", rules: [] }, context)).toBe(false);
  });

  it("explains which rules ran, stopping at the first decisive one", async () => {
    const outcome = await explainCondition(
      {
        combinator: "and",
        rules: [
          { field: "trigger.amount", operator: "less_than", value: 10 },
          { field: "trigger.status", operator: "equals", value: "won" },
        ],
      },
      context,
    );
    expect(outcome).toEqual({
      passed: false,
      trace: [
        {
          path: "props.rules[0]",
          field: "trigger.amount",
          operator: "less_than",
          actual: "1200.00",
          expected: 10,
          passed: false,
        },
      ],
    });
  });

  it("fails loudly on a bad pattern supplied at run time, naming the rule", async () => {
    const group: RuleGroup = {
      combinator: "and",
      rules: [{ field: "trigger.status", operator: "matches_pattern", value: "(w+)+" }],
    };
    await expect(evaluateCondition(group, context)).rejects.toThrow(ConditionError);
    await expect(evaluateCondition(group, context)).rejects.toThrow(/props\.rules\[0\]/);
  });
});

it("names the rule whose field or value expression fails", async () => {
  const group: RuleGroup = { combinator: "and", rules: [{ field: "$formatDate(trigger.status)", operator: "exists" }] };
  await expect(evaluateCondition(group, context)).rejects.toMatchObject({
    path: "props.rules[0].field",
    kind: "evaluation",
  });
  const badValue: RuleGroup = {
    combinator: "and",
    rules: [{ field: "trigger.status", operator: "equals", value: "{{ $formatDate('x') }}" }],
  };
  await expect(evaluateCondition(badValue, context)).rejects.toMatchObject({
    path: "props.rules[0].value",
    message: expect.stringMatching(/^props\.rules\[0\]\.value: \$formatDate: "x" is not a date/),
  });
});

describe("selectPaths", () => {
  const branches = [
    {
      key: "vip",
      label: "VIP",
      rules: {
        combinator: "and" as const,
        rules: [{ field: "trigger.contact.tier", operator: "equals" as const, value: "gold" }],
      },
    },
    {
      key: "big",
      label: "Big",
      rules: {
        combinator: "and" as const,
        rules: [{ field: "trigger.amount", operator: "greater_than" as const, value: 500 }],
      },
    },
    {
      key: "small",
      label: "Small",
      rules: {
        combinator: "and" as const,
        rules: [{ field: "trigger.amount", operator: "less_than" as const, value: 500 }],
      },
    },
    { key: "otherwise", label: "Otherwise", rules: { combinator: "and" as const, rules: [] } },
  ];

  it("follows only the first matching branch in first-match mode", async () => {
    expect(await selectPaths({ mode: "first-match", branches }, context)).toEqual(["vip"]);
  });

  it("follows every matching branch in all-match mode", async () => {
    expect(await selectPaths({ mode: "all-match", branches }, context)).toEqual(["vip", "big", "otherwise"]);
  });
});
