import { type ParseError, parse as parseTolerant, printParseErrorCode } from "jsonc-parser";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";

export type JsonBodyResult<T> = { ok: true; value: T } | { ok: false; error: string };

type ParseErrorName = ReturnType<typeof printParseErrorCode>;

const EXPECTATIONS: Record<ParseErrorName, string> = {
  InvalidSymbol: "expected a value",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a double-quoted property name",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the body",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape sequence",
  InvalidCharacter: "control characters must be escaped in strings",
  "<unknown ParseErrorCode>": "invalid JSON",
};

/**
 * V8 names the bad token but not always where it is ("Unexpected token 'o', "not json" is not
 * valid JSON"), and echoes the body. jsonc-parser, run only after JSON.parse has failed, finds the
 * offset; JSON.parse stays the judge of what is valid.
 */
function describeSyntaxError(text: string, fallback: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return fallback;
  const expectation = EXPECTATIONS[printParseErrorCode(first.error)];
  if (first.offset >= text.length) return `Unexpected end of JSON input at position ${first.offset} (${expectation})`;
  const token = text.slice(first.offset, first.offset + Math.min(Math.max(first.length, 1), 20));
  return `Unexpected token ${JSON.stringify(token)} at position ${first.offset} (${expectation})`;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function parseJsonBody(rawBody: Buffer): JsonBodyResult<JsonValue> {
  let text: string;
  try {
    text = utf8.decode(rawBody); // also drops a leading byte-order mark
  } catch {
    return { ok: false, error: "body is not valid UTF-8" };
  }
  if (text.trim() === "") return { ok: false, error: "body is empty; expected JSON" };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    const fallback = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `body is not valid JSON: ${describeSyntaxError(text, fallback)}` };
  }
}

function describeJsonType(value: JsonValue): string {
  if (value === null) return "JSON null";
  if (Array.isArray(value)) return "a JSON array";
  return `a JSON ${typeof value}`;
}

/** Most webhook bodies are one JSON object; anything else is refused with what it was instead. */
export function parseJsonObjectBody(rawBody: Buffer): JsonBodyResult<JsonObject> {
  const parsed = parseJsonBody(rawBody);
  if (!parsed.ok) return parsed;
  if (!isJsonObject(parsed.value)) {
    return { ok: false, error: `body is ${describeJsonType(parsed.value)}; expected a JSON object` };
  }
  return { ok: true, value: parsed.value };
}
