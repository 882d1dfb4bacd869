import type { PathSegment } from "@handoff/flow-core";

/** Names jsonata reads as a plain path step; anything else is quoted with backticks. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Keys that reach an object's prototype: the evaluator refuses them, so the picker never offers them. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Whether a key can be written in a reference at all (a backtick cannot be quoted in jsonata). */
export function isReferenceableKey(key: string): boolean {
  return key !== "" && !key.includes("`") && !FORBIDDEN_KEYS.has(key);
}

/**
 * The expression for a value of the picker's tree, e.g. `["trigger", "attendees", 0, "email"]` →
 * `trigger.attendees[0].email`, `["steps", "crm", "first-name"]` → ``steps.crm.`first-name` ``.
 * Undefined when a key cannot be written.
 */
export function referenceFor(path: readonly PathSegment[]): string | undefined {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      if (out === "" || !Number.isInteger(segment) || segment < 0) return undefined;
      out += `[${segment}]`;
      continue;
    }
    if (!isReferenceableKey(segment)) return undefined;
    const name = PLAIN_NAME.test(segment) ? segment : `\`${segment}\``;
    out += out === "" ? name : `.${name}`;
  }
  return out === "" ? undefined : out;
}

export interface TextSelection {
  start: number;
  end: number;
}

export interface Insertion {
  text: string;
  /** Where the caret goes: just after the inserted expression. */
  caret: number;
}

/**
 * Puts `{{ reference }}` at the caret (replacing a selection), or at the end when the field was
 * never focused — separated by a space from text already there.
 */
export function insertReference(text: string, selection: TextSelection | null, reference: string): Insertion {
  const expression = `{{ ${reference} }}`;
  if (!selection) {
    const separator = text === "" || /\s$/.test(text) ? "" : " ";
    const next = `${text}${separator}${expression}`;
    return { text: next, caret: next.length };
  }
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  return { text: `${text.slice(0, start)}${expression}${text.slice(end)}`, caret: start + expression.length };
}
