import type { RuleOperator } from "@handoff/flow-core";

/** How each operator reads in a rule: "service" "is not" "Free consultation". */
export const OPERATOR_LABELS = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  greater_than: "is greater than",
  less_than: "is less than",
  greater_or_equal: "is at least",
  less_or_equal: "is at most",
  before: "is before",
  after: "is after",
  is_empty: "is empty",
  is_not_empty: "is not empty",
  exists: "exists",
  not_exists: "does not exist",
  in_list: "is one of",
  not_in_list: "is not one of",
  matches_pattern: "matches the pattern",
} as const satisfies Record<RuleOperator, string>;

/** Operators that compare text, where "ignore case" means something. */
export const TEXT_OPERATORS: ReadonlySet<RuleOperator> = new Set([
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "in_list",
  "not_in_list",
  "matches_pattern",
]);

/** What the value box asks for, by operator. */
export function valuePlaceholder(operator: RuleOperator): string {
  if (operator === "in_list" || operator === "not_in_list") return "a, b, c";
  if (operator === "before" || operator === "after") return "2026-01-31T09:00:00Z or {{ … }}";
  if (operator === "matches_pattern") return "^INV-\\d+$";
  return "Value";
}
