import { z } from "zod";

export const ZJsonValue = z.json();
export type JsonValue = z.infer<typeof ZJsonValue>;
export type JsonObject = { [key: string]: JsonValue };

export type PathSegment = string | number;

/** Keys that reach an object's prototype; user data must never read or write them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders `["props", "rules", 0, "field"]` as `props.rules[0].field`, the form shown to users. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Structural equality for JSON-shaped data (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
    return keysA.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * Copies evaluator output into plain JSON: drops functions and prototype keys, turns
 * jsonata's sequence arrays into ordinary arrays. Results leave this package as data only.
 */
export function toPlainValue(value: unknown, depth = 0): unknown {
  if (depth > 100) return undefined;
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    return value.map((item) => {
      const plain = toPlainValue(item, depth + 1);
      return plain === undefined ? null : plain;
    });
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      const plain = toPlainValue(item, depth + 1);
      if (plain !== undefined) out[key] = plain;
    }
    return out;
  }
  return undefined;
}
