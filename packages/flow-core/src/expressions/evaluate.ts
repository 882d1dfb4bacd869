import { FORBIDDEN_KEYS, formatPath, isPlainObject, type PathSegment, toPlainValue } from "../json";
import { compileExpression } from "./compile";
import { HelperError, helperFunctions } from "./functions";
import { containsExpression, parseTemplate } from "./template";

export interface ExpressionContext {
  trigger?: unknown;
  steps?: Record<string, unknown>;
  vars?: Record<string, unknown>;
  /** Default zone for date helpers and offset-less dates; UTC when absent. */
  timeZone?: string;
}

export type ExpressionErrorKind = "syntax" | "evaluation";

/** Thrown by evaluation; carries where in the props it happened so the run log can say so. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
  constructor(
    message: string,
    readonly kind: ExpressionErrorKind,
    readonly source: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const details = error as { message?: unknown };
  return typeof details?.message === "string" ? details.message : String(error);
}

// Compilation already refuses `$eval`; shadowing it too means a bypass of that check still fails.
function refuseEval(): never {
  throw new HelperError("$eval is not allowed in expressions");
}

const PLAIN_PATH = /^\s*(trigger|steps|vars)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;

/**
 * Most props are a plain path (`trigger.email`, `steps.crm.id`). Those are read directly, which
 * costs a fraction of a jsonata evaluation. Anything jsonata would treat specially — an array
 * along the way or at the end (it maps over and flattens sequences) — goes to jsonata instead,
 * so the result is always what jsonata would give.
 */
function readPlainPath(source: string, input: Record<string, unknown>): { hit: true; value: unknown } | { hit: false } {
  const match = PLAIN_PATH.exec(source);
  if (!match?.[1]) return { hit: false };
  let value: unknown = input[match[1]];
  for (const key of (match[2] ?? "").split(".").slice(1)) {
    if (FORBIDDEN_KEYS.has(key)) return { hit: false };
    if (value === undefined || value === null) return { hit: true, value: undefined };
    if (!isPlainObject(value)) return { hit: false };
    value = Object.hasOwn(value, key) ? value[key] : undefined;
  }
  if (Array.isArray(value)) return { hit: false };
  return { hit: true, value: value === null ? null : toPlainValue(value) };
}

const bindingsByZone = new Map<string, Record<string, unknown>>();

function bindingsFor(timeZone: string): Record<string, unknown> {
  let bindings = bindingsByZone.get(timeZone);
  if (!bindings) {
    bindings = { ...helperFunctions(timeZone), eval: refuseEval };
    if (bindingsByZone.size > 100) bindingsByZone.clear();
    bindingsByZone.set(timeZone, bindings);
  }
  return bindings;
}

/** Evaluates one jsonata expression (no braces) against the context; returns plain JSON or undefined. */
export async function evaluateExpression(source: string, context: ExpressionContext): Promise<unknown> {
  const input = { trigger: context.trigger, steps: context.steps ?? {}, vars: context.vars ?? {} };
  const plain = readPlainPath(source, input);
  if (plain.hit) return plain.value;
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new ExpressionError(compiled.error.message, "syntax", source);
  const bindings = bindingsFor(context.timeZone ?? "UTC");
  try {
    return toPlainValue(await compiled.compiled.expression.evaluate(input, bindings));
  } catch (error) {
    throw new ExpressionError(`${describe(error)} in {{ ${source} }}`, "evaluation", source);
  }
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * A template that is exactly one `{{ expr }}` yields the expression's raw value (number, object…);
 * any surrounding text makes the result a string. Text without `{{` is returned unchanged.
 */
export async function evaluateTemplate(template: string, context: ExpressionContext): Promise<unknown> {
  if (!containsExpression(template)) return template;
  const parsed = parseTemplate(template);
  if (!parsed.ok) {
    throw new ExpressionError(`${parsed.error.message} (at ${parsed.error.position})`, "syntax", template);
  }
  const { segments, isSingleExpression } = parsed.template;
  if (isSingleExpression) {
    const only = segments.find((segment) => segment.kind === "expression");
    return only ? evaluateExpression(only.source, context) : template;
  }
  let out = "";
  for (const segment of segments) {
    out += segment.kind === "text" ? segment.value : stringify(await evaluateExpression(segment.source, context));
  }
  return out;
}

async function resolveValue(value: unknown, context: ExpressionContext, path: PathSegment[]): Promise<unknown> {
  if (typeof value === "string") {
    try {
      return await evaluateTemplate(value, context);
    } catch (error) {
      if (error instanceof ExpressionError && error.path === undefined && path.length > 0) {
        throw new ExpressionError(`${formatPath(path)}: ${error.message}`, error.kind, error.source, formatPath(path));
      }
      throw error;
    }
  }
  if (Array.isArray(value)) {
    const items = [];
    for (const [index, item] of value.entries()) {
      const resolved = await resolveValue(item, context, [...path, index]);
      items.push(resolved === undefined ? null : resolved);
    }
    return items;
  }
  if (isPlainObject(value)) return resolveObject(value, context, path);
  return value;
}

async function resolveObject(
  object: Record<string, unknown>,
  context: ExpressionContext,
  path: PathSegment[],
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const resolved = await resolveValue(item, context, [...path, key]);
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}

/** Resolves every `{{ }}` in any JSON value (text, list, object); errors carry no path. */
export async function resolveTemplates(value: unknown, context: ExpressionContext): Promise<unknown> {
  return resolveValue(value, context, []);
}

/**
 * Resolves every `{{ }}` in a props object, recursing into nested objects and arrays.
 * Keys whose expression yields nothing are dropped, so optional connector fields stay optional.
 * Throws ExpressionError whose `path` names the prop, e.g. `props.contact.email`.
 */
export async function resolveProps(
  props: Record<string, unknown>,
  context: ExpressionContext,
): Promise<Record<string, unknown>> {
  return resolveObject(props, context, ["props"]);
}
