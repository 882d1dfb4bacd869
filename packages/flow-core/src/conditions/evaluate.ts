import { type ExpressionContext, ExpressionError, evaluateTemplate, resolveTemplates } from "../expressions/evaluate";
import { asExpressionTemplate } from "../expressions/template";
import { formatPath, type PathSegment } from "../json";
import type { PathsBranch, PathsMode } from "../schema/node";
import { isRuleGroup, type Rule, type RuleGroup, UNARY_OPERATORS } from "../schema/rules";
import { ConditionError, OPERATORS } from "./operators";

/** One evaluated rule, for run logs: "why did my filter stop?" */
export interface RuleTrace {
  path: string;
  field: string;
  operator: Rule["operator"];
  actual: unknown;
  expected: unknown;
  passed: boolean;
}

export interface ConditionOutcome {
  passed: boolean;
  trace: RuleTrace[];
}

async function resolveExpected(rule: Rule, context: ExpressionContext): Promise<unknown> {
  if (UNARY_OPERATORS.has(rule.operator) || rule.value === undefined) return undefined;
  return resolveTemplates(rule.value, context);
}

/** Re-labels an expression failure with the rule's path, so the run log points at the rule. */
async function atPath<T>(path: PathSegment[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const where = formatPath(path);
    throw new ExpressionError(`${where}: ${error.message}`, error.kind, error.source, where);
  }
}

async function evaluateRule(rule: Rule, context: ExpressionContext, path: PathSegment[]): Promise<RuleTrace> {
  const actual = await atPath([...path, "field"], () => evaluateTemplate(asExpressionTemplate(rule.field), context));
  const expected = await atPath([...path, "value"], () => resolveExpected(rule, context));
  const options = { ignoreCase: rule.ignoreCase ?? false, timeZone: context.timeZone ?? "UTC" };
  try {
    const passed = OPERATORS[rule.operator](actual, expected, options);
    return { path: formatPath(path), field: rule.field, operator: rule.operator, actual, expected, passed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConditionError(`${formatPath(path)}: ${message}`);
  }
}

/** `and` stops at the first false rule and `or` at the first true one; an empty `and` is true, an empty `or` false. */
async function evaluateGroup(
  group: RuleGroup,
  context: ExpressionContext,
  path: PathSegment[],
  trace: RuleTrace[],
): Promise<boolean> {
  const wanted = group.combinator === "or";
  for (const [index, entry] of group.rules.entries()) {
    const entryPath = [...path, "rules", index];
    let passed: boolean;
    if (isRuleGroup(entry)) passed = await evaluateGroup(entry, context, entryPath, trace);
    else {
      const result = await evaluateRule(entry, context, entryPath);
      trace.push(result);
      passed = result.passed;
    }
    if (passed === wanted) return wanted;
  }
  return !wanted;
}

/** Evaluates a rule group and records each rule it looked at. Throws ExpressionError/ConditionError on bad rules. */
export async function explainCondition(
  group: RuleGroup,
  context: ExpressionContext,
  path: PathSegment[] = ["props"],
): Promise<ConditionOutcome> {
  const trace: RuleTrace[] = [];
  const passed = await evaluateGroup(group, context, path, trace);
  return { passed, trace };
}

export async function evaluateCondition(group: RuleGroup, context: ExpressionContext): Promise<boolean> {
  return (await explainCondition(group, context)).passed;
}

/** The branch keys a paths node follows: the first matching branch, or every matching one. */
export async function selectPaths(
  props: { mode: PathsMode; branches: readonly PathsBranch[] },
  context: ExpressionContext,
): Promise<string[]> {
  const selected: string[] = [];
  for (const [index, branch] of props.branches.entries()) {
    const outcome = await explainCondition(branch.rules, context, ["props", "branches", index, "rules"]);
    if (!outcome.passed) continue;
    selected.push(branch.key);
    if (props.mode === "first-match") break;
  }
  return selected;
}
