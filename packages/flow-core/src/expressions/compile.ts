import jsonata from "jsonata";
import { checkPattern } from "../conditions/pattern";
import { FORBIDDEN_KEYS } from "../json";

export const MAX_EXPRESSION_LENGTH = 2_000;

// Guardrails handed to jsonata itself: runaway recursion, long loops and huge ranges fail fast.
const JSONATA_OPTIONS = { timeout: 1_000, stack: 300, sequence: 100_000 };

/** jsonata's AST node, loosely typed: we only read `type`, `value` and `position` and recurse. */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

export interface CompiledExpression {
  source: string;
  expression: jsonata.Expression;
  ast: AstNode;
}

export interface CompileError {
  message: string;
  /** Offset within the expression source. */
  position: number;
}

export type CompileResult = { ok: true; compiled: CompiledExpression } | { ok: false; error: CompileError };

function isAstNode(value: unknown): value is AstNode {
  return value !== null && typeof value === "object" && typeof (value as { type?: unknown }).type === "string";
}

/** Visits every AST node; jsonata's AST nests nodes in arrays, arrays of pairs and named fields. */
export function forEachAstNode(root: unknown, visit: (node: AstNode) => void): void {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === null || typeof item !== "object" || seen.has(item) || item instanceof RegExp) continue;
    seen.add(item);
    if (isAstNode(item)) visit(item);
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push(child);
  }
}

/**
 * jsonata already ignores inherited properties, but a name like `constructor` in a template is
 * never legitimate, so it is refused at parse time where the author sees it.
 * `$eval` is refused because it would hide references from validation and this guard.
 */
function findForbidden(ast: AstNode): CompileError | undefined {
  let problem: CompileError | undefined;
  forEachAstNode(ast, (node) => {
    if (problem) return;
    const position = node.position ?? 0;
    if ((node.type === "name" || node.type === "string") && FORBIDDEN_KEYS.has(String(node.value))) {
      problem = { message: `"${String(node.value)}" is not allowed in expressions`, position };
    } else if (node.type === "variable" && node.value === "eval") {
      problem = { message: "$eval is not allowed in expressions", position };
    } else if (node.type === "regex" && node.value instanceof RegExp) {
      const check = checkPattern(node.value.source);
      if (!check.ok) problem = { message: check.message, position };
    }
  });
  return problem;
}

function compileError(error: unknown): CompileError {
  const details = error as { message?: unknown; position?: unknown };
  return {
    message: typeof details.message === "string" ? details.message : "Invalid expression",
    position: typeof details.position === "number" ? details.position : 0,
  };
}

const cache = new Map<string, CompileResult>();
const CACHE_LIMIT = 1_000;

function compileUncached(source: string): CompileResult {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: { message: `Expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, position: 0 },
    };
  }
  try {
    const expression = jsonata(source, JSONATA_OPTIONS);
    const ast = expression.ast() as AstNode;
    const forbidden = findForbidden(ast);
    if (forbidden) return { ok: false, error: forbidden };
    return { ok: true, compiled: { source, expression, ast } };
  } catch (error) {
    return { ok: false, error: compileError(error) };
  }
}

/** Compiles (and memoises) one jsonata expression; never throws. */
export function compileExpression(source: string): CompileResult {
  const cached = cache.get(source);
  if (cached) return cached;
  const result = compileUncached(source);
  // Dropping the whole cache is crude but bounded; compiled expressions are cheap to rebuild.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, result);
  return result;
}
