import { findJsonSyntaxError, lineAndColumn } from "./json-syntax";

export type PayloadParseResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; message: string; line?: number; column?: number };

/** Pasting more than this is a mistake (a whole log file), and the server would refuse it anyway. */
export const MAX_PAYLOAD_CHARS = 256_000;

/**
 * Reads a pasted trigger payload. Every trigger hands the flow a JSON object (`trigger.email`,
 * `trigger.booking.start`), so anything else is refused here with the reason, and syntax errors
 * say the line and column.
 */
export function parsePayload(text: string): PayloadParseResult {
  if (text.trim() === "")
    return { ok: false, message: 'Paste the event as a JSON object, e.g. {"email": "ana@example.com"}' };
  if (text.length > MAX_PAYLOAD_CHARS) {
    return {
      ok: false,
      message: `The payload is ${text.length} characters; a test event can be at most ${MAX_PAYLOAD_CHARS}`,
    };
  }
  const syntax = findJsonSyntaxError(text);
  if (syntax) {
    const { line, column } = lineAndColumn(text, syntax.offset);
    return { ok: false, message: `Line ${line}, column ${column}: ${syntax.message}`, line, column };
  }
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, message: `The payload must be a JSON object ({ … }), not ${describeKind(value)}` };
  }
  return { ok: true, payload: value as Record<string, unknown> };
}

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list ([ … ])";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}
