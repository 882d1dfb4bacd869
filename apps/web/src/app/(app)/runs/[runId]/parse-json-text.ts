export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * The edited trigger payload, or a message that says where it breaks. Engines word JSON errors
 * differently and some only give a character offset, so the line and column are worked out here.
 */
export function parseJsonText(text: string): ParsedJson {
  if (!text.trim()) return { ok: false, problem: "The payload is empty; write a JSON value, e.g. {}" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const detail = shorten(message.replace(/^JSON\.parse: /, "").replace(/\s*\(line \d+ column \d+\)$/, ""));
    if (position === undefined || /line \d+ column \d+/.test(detail))
      return { ok: false, problem: `Not valid JSON: ${detail}` };
    const { line, column } = lineAndColumn(text, Number(position));
    return { ok: false, problem: `Not valid JSON at line ${line}, column ${column}: ${detail}` };
  }
}

/** Some engines quote the whole text back; the editor is right there, a glimpse is enough. */
function shorten(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
