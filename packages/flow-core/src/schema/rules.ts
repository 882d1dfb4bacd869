import { z } from "zod";
import { ZJsonValue } from "../json";

export const RULE_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "greater_than",
  "less_than",
  "greater_or_equal",
  "less_or_equal",
  "before",
  "after",
  "is_empty",
  "is_not_empty",
  "exists",
  "not_exists",
  "in_list",
  "not_in_list",
  "matches_pattern",
] as const;
export const ZRuleOperator = z.enum(RULE_OPERATORS);
export type RuleOperator = z.infer<typeof ZRuleOperator>;

/** Operators that look only at the field; a `value` on them is ignored. */
export const UNARY_OPERATORS: ReadonlySet<RuleOperator> = new Set(["is_empty", "is_not_empty", "exists", "not_exists"]);

export const ZRule = z.object({
  /** An expression such as `trigger.deal.amount`, with or without `{{ }}`. */
  field: z.string().min(1),
  operator: ZRuleOperator,
  /** A literal, or a string that may contain `{{ }}` expressions. */
  value: ZJsonValue.optional(),
  /** Applies to text comparisons, list membership and patterns; comparisons are case-sensitive by default. */
  ignoreCase: z.boolean().optional(),
});
export type Rule = z.infer<typeof ZRule>;

export const ZCombinator = z.enum(["and", "or"]);
export type Combinator = z.infer<typeof ZCombinator>;

export interface RuleGroup {
  combinator: Combinator;
  rules: (Rule | RuleGroup)[];
}

// Nesting deeper than this is almost certainly generated garbage, and deep recursion is a DoS vector.
export const MAX_RULE_DEPTH = 5;

function ruleGroupAtDepth(depth: number): z.ZodType<RuleGroup> {
  const entry: z.ZodType<Rule | RuleGroup> =
    depth >= MAX_RULE_DEPTH ? ZRule : z.union([ZRule, z.lazy(() => ruleGroupAtDepth(depth + 1))]);
  return z.object({ combinator: ZCombinator, rules: z.array(entry).max(100) });
}

export const ZRuleGroup: z.ZodType<RuleGroup> = ruleGroupAtDepth(1);

export function isRuleGroup(entry: Rule | RuleGroup): entry is RuleGroup {
  return "combinator" in entry;
}
