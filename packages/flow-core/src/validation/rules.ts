import { toNumber } from "../conditions/coerce";
import { checkPattern } from "../conditions/pattern";
import { parseInstant } from "../dates";
import { containsExpression } from "../expressions/template";
import { formatPath } from "../json";
import type { FlowNode } from "../schema/node";
import { type Rule, type RuleOperator, UNARY_OPERATORS } from "../schema/rules";
import { ruleGroupsOf, rulesOf } from "./node-sites";
import { type FlowProblem, nodeName } from "./problems";

const NUMERIC_OPERATORS: ReadonlySet<RuleOperator> = new Set([
  "greater_than",
  "less_than",
  "greater_or_equal",
  "less_or_equal",
]);
const DATE_OPERATORS: ReadonlySet<RuleOperator> = new Set(["before", "after"]);
const LIST_OPERATORS: ReadonlySet<RuleOperator> = new Set(["in_list", "not_in_list"]);

/** What is wrong with a rule's literal value, if anything; values holding expressions are checked at run time. */
function ruleValueProblem(rule: Rule): { code: "invalid_rule_value" | "invalid_pattern"; message: string } | undefined {
  const { operator, value } = rule;
  if (UNARY_OPERATORS.has(operator)) return undefined;
  if (value === undefined || value === null)
    return { code: "invalid_rule_value", message: `${operator} needs a value` };
  if (typeof value === "string" && containsExpression(value)) return undefined;
  if (NUMERIC_OPERATORS.has(operator) && toNumber(value) === undefined) {
    return {
      code: "invalid_rule_value",
      message: `${operator} compares numbers, but ${JSON.stringify(value)} is not a number`,
    };
  }
  if (DATE_OPERATORS.has(operator) && !parseInstant(value)) {
    return {
      code: "invalid_rule_value",
      message: `${operator} compares dates, but ${JSON.stringify(value)} is not an ISO date or epoch`,
    };
  }
  if (LIST_OPERATORS.has(operator) && !Array.isArray(value) && typeof value !== "string") {
    return { code: "invalid_rule_value", message: `${operator} needs a list or comma-separated text` };
  }
  if (operator === "matches_pattern") {
    if (typeof value !== "string") return { code: "invalid_pattern", message: "matches_pattern needs a text pattern" };
    const check = checkPattern(value, rule.ignoreCase);
    if (!check.ok) return { code: "invalid_pattern", message: check.message };
  }
  return undefined;
}

/** Rule values and patterns, and rule groups with nothing in them. */
export function checkNodeRules(node: FlowNode): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const { path, group, isBranchRoot } of ruleGroupsOf(node)) {
    if (group.rules.length > 0 || isBranchRoot) continue;
    const field = formatPath([...path, "rules"]);
    problems.push({
      code: "empty_rule_group",
      nodeId: node.id,
      field,
      message: `${nodeName(node)}: ${field} has no rules`,
    });
  }
  for (const { path, rule } of rulesOf(node)) {
    const problem = ruleValueProblem(rule);
    if (!problem) continue;
    const field = formatPath([...path, "value"]);
    problems.push({
      code: problem.code,
      nodeId: node.id,
      field,
      message: `${nodeName(node)}: ${field} — ${problem.message}`,
    });
  }
  return problems;
}

export function checkBranchKeys(node: FlowNode): FlowProblem[] {
  if (node.type !== "paths") return [];
  const seen = new Set<string>();
  const problems: FlowProblem[] = [];
  node.props.branches.forEach((branch, index) => {
    if (seen.has(branch.key)) {
      const field = formatPath(["props", "branches", index, "key"]);
      const message = `${nodeName(node)}: ${field} — branch key "${branch.key}" is used by another branch`;
      problems.push({ code: "duplicate_branch_key", nodeId: node.id, field, message });
    }
    seen.add(branch.key);
  });
  return problems;
}

export function checkDelay(node: FlowNode): FlowProblem[] {
  if (node.type !== "delay" || node.props.mode !== "until") return [];
  const { at, timeZone } = node.props;
  if (containsExpression(at) || parseInstant(at, timeZone)) return [];
  const message = `${nodeName(node)}: props.at — "${at}" is not an ISO date-time or an expression`;
  return [{ code: "invalid_date", nodeId: node.id, field: "props.at", message }];
}
