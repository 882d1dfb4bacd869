import {
  isRuleGroup,
  type JsonValue,
  MAX_RULE_DEPTH,
  type Rule,
  type RuleGroup,
  type RuleOperator,
  UNARY_OPERATORS,
} from "@handoff/flow-core";

export type RuleEntry = Rule | RuleGroup;

export function newRule(): Rule {
  return { field: "", operator: "equals", value: "" };
}

export function newGroup(): RuleGroup {
  return { combinator: "and", rules: [] };
}

/** A unary operator ("is empty") has no value; switching back starts from an empty one. */
export function withOperator(rule: Rule, operator: RuleOperator): Rule {
  const { value, ...rest } = rule;
  if (UNARY_OPERATORS.has(operator)) return { ...rest, operator };
  return { ...rest, operator, value: value ?? "" };
}

export function withEntry(group: RuleGroup, index: number, entry: RuleEntry): RuleGroup {
  return { ...group, rules: group.rules.map((existing, at) => (at === index ? entry : existing)) };
}

export function withoutEntry(group: RuleGroup, index: number): RuleGroup {
  return { ...group, rules: group.rules.filter((_, at) => at !== index) };
}

export function withAdded(group: RuleGroup, entry: RuleEntry): RuleGroup {
  return { ...group, rules: [...group.rules, entry] };
}

/** A group may hold groups down to the schema's depth limit. */
export function canNestGroup(depth: number): boolean {
  return depth < MAX_RULE_DEPTH;
}

/** What the value box shows: lists as "a, b", other literals as typed. */
export function valueText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Rules without a field cannot be saved yet (the document requires one): how many there are. */
export function unfinishedRules(group: RuleGroup): number {
  return group.rules.reduce(
    (count, entry) => count + (isRuleGroup(entry) ? unfinishedRules(entry) : entry.field.trim() === "" ? 1 : 0),
    0,
  );
}
