import { type AstNode, compileExpression } from "./compile";
import { parseTemplate } from "./template";

/** The roots an expression can read. `steps` without a static id (e.g. `$lookup(steps, x)`) has `nodeId: null`. */
export type ExpressionReference =
  | { root: "trigger" }
  | { root: "vars" }
  | { root: "steps"; nodeId: string | null }
  | { root: "unknown"; name: string };

export const EXPRESSION_ROOTS = ["trigger", "steps", "vars"] as const;

function asAst(value: unknown): AstNode | undefined {
  return value !== null && typeof value === "object" && typeof (value as AstNode).type === "string"
    ? (value as AstNode)
    : undefined;
}

function referenceFor(rootStep: AstNode | undefined, nextStep: AstNode | undefined): ExpressionReference | undefined {
  if (rootStep?.type !== "name") return undefined;
  const name = String(rootStep.value);
  if (name === "trigger" || name === "vars") return { root: name };
  if (name === "steps") return { root: "steps", nodeId: nextStep?.type === "name" ? String(nextStep.value) : null };
  return { root: "unknown", name };
}

/**
 * Where a path starts decides what its first name means: at the top of an expression (or after
 * `$`/`$$`) `trigger` is the flow's trigger data; inside a predicate or after a `.` it is just a
 * field of the current item. `$$` always means the top.
 */
function pathReference(steps: AstNode[], atRoot: boolean): ExpressionReference | undefined {
  const [first, second, third] = steps;
  if (first?.type === "variable" && (first.value === "$" || (first.value === "" && atRoot))) {
    return referenceFor(second, third);
  }
  return atRoot ? referenceFor(first, second) : undefined;
}

function walk(node: AstNode, atRoot: boolean, found: ExpressionReference[]): void {
  if (node.type === "path" && Array.isArray(node.steps)) {
    const steps = node.steps.map(asAst).filter((step) => step !== undefined);
    const reference = pathReference(steps, atRoot);
    if (reference) found.push(reference);
    steps.forEach((step, index) => {
      if (step.type !== "name" && step.type !== "variable") {
        walk(step, index === 0 && atRoot, found);
        return;
      }
      for (const [key, child] of Object.entries(step)) {
        if (key === "stages" || key === "predicate" || key === "group") walkRelative(child, found);
      }
    });
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "stages" || key === "predicate" || key === "group") walkRelative(child, found);
    else walkChildren(child, atRoot, found);
  }
}

function walkChildren(value: unknown, atRoot: boolean, found: ExpressionReference[]): void {
  const node = asAst(value);
  if (node) walk(node, atRoot, found);
  else if (Array.isArray(value)) for (const item of value) walkChildren(item, atRoot, found);
  else if (value !== null && typeof value === "object" && !(value instanceof RegExp)) {
    for (const child of Object.values(value)) walkChildren(child, atRoot, found);
  }
}

function walkRelative(value: unknown, found: ExpressionReference[]): void {
  walkChildren(value, false, found);
}

function sameReference(a: ExpressionReference, b: ExpressionReference): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function dedupe(references: ExpressionReference[]): ExpressionReference[] {
  return references.filter((ref, index) => references.findIndex((other) => sameReference(ref, other)) === index);
}

/** References of one jsonata expression (no braces); an expression that does not compile has none. */
export function extractExpressionReferences(source: string): ExpressionReference[] {
  const compiled = compileExpression(source);
  if (!compiled.ok) return [];
  const found: ExpressionReference[] = [];
  walk(compiled.compiled.ast, true, found);
  return dedupe(found);
}

/**
 * The data roots a template reads, e.g. `"Hi {{ trigger.name }} {{ steps.crm.id }}"` →
 * `[{root:"trigger"}, {root:"steps", nodeId:"crm"}]`. Syntax errors are parseTemplate's to report.
 */
export function extractReferences(template: string): ExpressionReference[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return [];
  const all = parsed.template.segments.flatMap((segment) =>
    segment.kind === "expression" ? extractExpressionReferences(segment.source) : [],
  );
  return dedupe(all);
}
