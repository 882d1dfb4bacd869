export const MAX_PATTERN_LENGTH = 200;
/** Inputs longer than this never match: a long text is what turns a slow pattern into an outage. */
export const MAX_PATTERN_INPUT_LENGTH = 2_000;

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; message: string };

/**
 * Star height > 1 — a quantified group that itself contains a quantifier, like `(a+)+` or
 * `(\w*\s?)*` — is the classic catastrophic-backtracking shape. JavaScript regexes cannot be
 * interrupted, so such patterns are refused outright rather than run with a timeout.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "(") groupHasQuantifier.push(false);
    else if (char === ")") {
      const inner = groupHasQuantifier.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === "*" || next === "+" || next === "{";
      if (inner && quantified) return true;
      if (inner && groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
    } else if (char === "*" || char === "+" || char === "{" || char === "?") {
      if (groupHasQuantifier.length > 0 && char !== "?") groupHasQuantifier[groupHasQuantifier.length - 1] = true;
    }
  }
  return false;
}

export function checkPattern(pattern: string, ignoreCase = false): PatternCheck {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `Pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  if (hasNestedQuantifier(pattern)) {
    return {
      ok: false,
      message: "Pattern repeats a group that already repeats (like (a+)+); it can hang on some inputs",
    };
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return { ok: false, message: "Back-references are not supported in patterns" };
  }
  try {
    return { ok: true, regex: new RegExp(pattern, ignoreCase ? "i" : "") };
  } catch (error) {
    return { ok: false, message: `Invalid pattern: ${error instanceof Error ? error.message : String(error)}` };
  }
}
