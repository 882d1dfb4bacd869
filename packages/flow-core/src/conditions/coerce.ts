import { isPlainObject, jsonEqual } from "../json";

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Numbers, and strings that are plainly numbers ("120.00", " 42 ") — CRMs send amounts as text.
 * Thousands separators are not guessed: "1,200" is ambiguous across locales.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Missing means undefined or null: a field the source did not send. */
export function isMissing(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Empty: missing, blank text, an empty list or an object with no keys. */
export function isEmptyValue(value: unknown): boolean {
  if (isMissing(value)) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
  }
  return undefined;
}

export function toText(value: unknown, ignoreCase: boolean): string | undefined {
  if (isMissing(value)) return undefined;
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return ignoreCase ? text.toLowerCase() : text;
}

/**
 * Equality across the types sources actually send: numeric text equals the number ("120.00" = 120),
 * "true" equals true, other text compares as text (optionally ignoring case), objects structurally.
 */
export function looselyEqual(actual: unknown, expected: unknown, ignoreCase: boolean): boolean {
  if (isMissing(actual) || isMissing(expected)) return isMissing(actual) && isMissing(expected);
  const [numA, numB] = [toNumber(actual), toNumber(expected)];
  if (numA !== undefined && numB !== undefined) return numA === numB;
  if (typeof actual === "boolean" || typeof expected === "boolean") {
    const [boolA, boolB] = [toBoolean(actual), toBoolean(expected)];
    return boolA !== undefined && boolA === boolB;
  }
  if (typeof actual === "object" || typeof expected === "object") return jsonEqual(actual, expected);
  return toText(actual, ignoreCase) === toText(expected, ignoreCase);
}

/** A list operand: an array as is, or comma-separated text ("gold, silver") split and trimmed. */
export function toList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.split(",").map((item) => item.trim());
  return undefined;
}
