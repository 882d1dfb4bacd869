import { asExpressionTemplate, containsExpression } from "../expressions/template";
import { isPlainObject, type PathSegment } from "../json";
import type { FlowNode } from "../schema/node";
import { isRuleGroup, type Rule, type RuleGroup } from "../schema/rules";

/** A string in a node that holds expressions, as a template (bare expressions are wrapped in `{{ }}`). */
export interface ExpressionSite {
  path: PathSegment[];
  template: string;
  /** Added to template positions to point into the text the user typed (bare expressions were wrapped). */
  positionShift: number;
}

export interface RuleSite {
  path: PathSegment[];
  rule: Rule;
}

export interface RuleGroupSite {
  path: PathSegment[];
  group: RuleGroup;
  /** Top-level group of a paths branch, where empty means "always" and is allowed. */
  isBranchRoot: boolean;
}

function templatesIn(value: unknown, path: PathSegment[], out: ExpressionSite[]): void {
  if (typeof value === "string") {
    if (containsExpression(value)) out.push({ path, template: value, positionShift: 0 });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) templatesIn(item, [...path, index], out);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) templatesIn(item, [...path, key], out);
  }
}

function bareExpressionSite(path: PathSegment[], source: string): ExpressionSite {
  const template = asExpressionTemplate(source);
  return { path, template, positionShift: template === source ? 0 : -3 };
}

/** Every rule group of a node with its path, outermost first. */
export function ruleGroupsOf(node: FlowNode): RuleGroupSite[] {
  const out: RuleGroupSite[] = [];
  const walk = (group: RuleGroup, path: PathSegment[], isBranchRoot: boolean) => {
    out.push({ path, group, isBranchRoot });
    group.rules.forEach((entry, index) => {
      if (isRuleGroup(entry)) walk(entry, [...path, "rules", index], false);
    });
  };
  if (node.type === "condition" || node.type === "filter") walk(node.props, ["props"], false);
  if (node.type === "paths") {
    for (const [index, branch] of node.props.branches.entries()) {
      walk(branch.rules, ["props", "branches", index, "rules"], true);
    }
  }
  return out;
}

export function rulesOf(node: FlowNode): RuleSite[] {
  return ruleGroupsOf(node).flatMap(({ group, path }) =>
    group.rules.flatMap((entry, index) =>
      isRuleGroup(entry) ? [] : [{ path: [...path, "rules", index], rule: entry }],
    ),
  );
}

/** Where a node holds expressions: connector props, rule fields and values, loop items, delay dates. */
export function expressionSitesOf(node: FlowNode): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  switch (node.type) {
    case "trigger":
    case "action":
      templatesIn(node.props, ["props"], out);
      break;
    case "condition":
    case "filter":
    case "paths":
      for (const { path, rule } of rulesOf(node)) {
        out.push(bareExpressionSite([...path, "field"], rule.field));
        templatesIn(rule.value, [...path, "value"], out);
      }
      break;
    case "delay":
      if (node.props.mode === "until") templatesIn(node.props.at, ["props", "at"], out);
      break;
    case "loop":
      out.push(bareExpressionSite(["props", "items"], node.props.items));
      break;
  }
  return out;
}
