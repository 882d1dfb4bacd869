// Conversions between what a prop holds (JSON) and what its input shows (text). An emptied
// field is `undefined`: the prop is removed rather than saved as "", which an e-mail or id
// field would refuse.

/** What a text input shows for a prop value. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function textToValue(text: string): string | undefined {
  return text === "" ? undefined : text;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A number field takes a number or a `{{ … }}` reference. Anything else is kept as typed so the
 * person sees it, and validation says why it is refused.
 */
export function numberFieldValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

/** A free JSON prop: shown as JSON, or as itself when it is text. */
export function jsonText(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Typed JSON becomes that value; anything that is not JSON is kept as text (text is JSON too). */
export function jsonFieldValue(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object with `key` set, or removed when `child` is undefined; undefined when nothing is left. */
export function withChild(value: unknown, key: string, child: unknown): Record<string, unknown> | undefined {
  const { [key]: _old, ...rest } = asRecord(value);
  const next = child === undefined ? rest : { ...rest, [key]: child };
  return Object.keys(next).length === 0 ? undefined : next;
}

/** The list with item `index` replaced (an emptied item stays, as null would not be a valid entry: ""). */
export function withItem(value: unknown, index: number, item: unknown): unknown[] {
  return asArray(value).map((existing, at) => (at === index ? (item ?? "") : existing));
}

/** The list without item `index`; undefined when it becomes empty. */
export function withoutItem(value: unknown, index: number): unknown[] | undefined {
  const next = asArray(value).filter((_, at) => at !== index);
  return next.length === 0 ? undefined : next;
}
