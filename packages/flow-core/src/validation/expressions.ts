import { type ExpressionReference, extractReferences } from "../expressions/references";
import { parseTemplate } from "../expressions/template";
import { formatPath } from "../json";
import type { FlowNode } from "../schema/node";
import { expressionSitesOf } from "./node-sites";
import { type FlowProblem, nodeName } from "./problems";

export interface ReferenceScope {
  nodesById: ReadonlyMap<string, FlowNode>;
  /** Steps that always run before this node: its ancestors in the DAG. */
  ancestors: ReadonlySet<string>;
}

function referenceProblem(
  node: FlowNode,
  field: string,
  reference: ExpressionReference,
  scope: ReferenceScope,
): FlowProblem | undefined {
  const where = `${nodeName(node)}: ${field}`;
  if (reference.root === "unknown") {
    const message = `${where} reads "${reference.name}", which does not exist; expressions start with trigger, steps.<id> or vars`;
    return { code: "unknown_expression_root", nodeId: node.id, field, message };
  }
  if (reference.root !== "steps" || reference.nodeId === null) return undefined;
  const target = scope.nodesById.get(reference.nodeId);
  if (!target) {
    const message = `${where} refers to steps.${reference.nodeId}, but there is no step with id "${reference.nodeId}"`;
    return { code: "reference_unknown_node", nodeId: node.id, field, message };
  }
  if (scope.ancestors.has(target.id)) return undefined;
  const why = target.id === node.id ? "its own output" : `${nodeName(target)}, which does not run before it`;
  const message = `${where} refers to steps.${target.id} — ${why}`;
  return { code: "reference_not_ancestor", nodeId: node.id, field, message };
}

/** Syntax of every expression in the node, and that every `steps.<id>` it reads has already run. */
export function checkNodeExpressions(node: FlowNode, scope: ReferenceScope): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const site of expressionSitesOf(node)) {
    const field = formatPath(site.path);
    const parsed = parseTemplate(site.template);
    if (!parsed.ok) {
      const message = `${nodeName(node)}: ${field} has an invalid expression at character ${Math.max(0, parsed.error.position + site.positionShift)}: ${parsed.error.message}`;
      problems.push({ code: "expression_syntax", nodeId: node.id, field, message });
      continue;
    }
    for (const reference of extractReferences(site.template)) {
      const problem = referenceProblem(node, field, reference, scope);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
