import { compileExpression } from "./compile";

export interface TextSegment {
  kind: "text";
  value: string;
}

export interface ExpressionSegment {
  kind: "expression";
  /** The jsonata source between the braces, trimmed. */
  source: string;
  /** Offset of the opening `{{` in the template. */
  start: number;
  /** Offset just after the closing `}}`. */
  end: number;
}

export type TemplateSegment = TextSegment | ExpressionSegment;

export interface ParsedTemplate {
  segments: TemplateSegment[];
  /** True when the template is exactly one `{{ expr }}` (surrounding whitespace allowed): it yields the raw value. */
  isSingleExpression: boolean;
}

export interface TemplateError {
  message: string;
  /** Offset in the template string where the problem was found. */
  position: number;
}

export type ParseTemplateResult = { ok: true; template: ParsedTemplate } | { ok: false; error: TemplateError };

export function containsExpression(text: string): boolean {
  return text.includes("{{");
}

/**
 * Finds the `}}` that closes an expression opened at `from`, skipping quoted strings and nested
 * `{ }` so that object constructors like `{"a": {"b": 1}}` inside an expression do not end it.
 */
function findClose(text: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "{") depth++;
    else if (char === "}" && depth > 0) depth--;
    else if (char === "}" && text[i + 1] === "}") return i;
  }
  return -1;
}

function scanSegments(text: string): TemplateSegment[] | TemplateError {
  const segments: TemplateSegment[] = [];
  let cursor = 0;
  for (let open = text.indexOf("{{", cursor); open !== -1; open = text.indexOf("{{", cursor)) {
    if (open > cursor) segments.push({ kind: "text", value: text.slice(cursor, open) });
    const close = findClose(text, open + 2);
    if (close === -1) return { message: "Unclosed {{ — add the matching }}", position: open };
    const source = text.slice(open + 2, close).trim();
    if (source === "") return { message: "Empty expression {{ }}", position: open };
    segments.push({ kind: "expression", source, start: open, end: close + 2 });
    cursor = close + 2;
  }
  if (cursor < text.length) segments.push({ kind: "text", value: text.slice(cursor) });
  return segments;
}

/** Splits text into literal and `{{ }}` parts and checks every expression compiles. */
export function parseTemplate(text: string): ParseTemplateResult {
  const scanned = scanSegments(text);
  if (!Array.isArray(scanned)) return { ok: false, error: scanned };
  for (const segment of scanned) {
    if (segment.kind !== "expression") continue;
    const compiled = compileExpression(segment.source);
    if (!compiled.ok) {
      const offset = text.indexOf(segment.source, segment.start);
      return { ok: false, error: { message: compiled.error.message, position: offset + compiled.error.position } };
    }
  }
  const expressions = scanned.filter((segment) => segment.kind === "expression");
  const onlyWhitespaceText = scanned.every((segment) => segment.kind === "expression" || segment.value.trim() === "");
  return {
    ok: true,
    template: { segments: scanned, isSingleExpression: expressions.length === 1 && onlyWhitespaceText },
  };
}

/**
 * Rule fields and loop items are expressions by nature, so `{{ }}` is optional there:
 * `trigger.amount` and `{{ trigger.amount }}` mean the same.
 */
export function asExpressionTemplate(source: string): string {
  return containsExpression(source) ? source : `{{ ${source} }}`;
}
