import { parseInstant } from "../dates";
import type { RuleOperator } from "../schema/rules";
import { isEmptyValue, isMissing, looselyEqual, toList, toNumber, toText } from "./coerce";
import { checkPattern, MAX_PATTERN_INPUT_LENGTH } from "./pattern";

export interface OperatorOptions {
  ignoreCase: boolean;
  timeZone: string;
}

export class ConditionError extends Error {
  override name = "ConditionError";
}

type OperatorFn = (actual: unknown, expected: unknown, options: OperatorOptions) => boolean;

function contains(actual: unknown, expected: unknown, { ignoreCase }: OperatorOptions): boolean {
  if (isMissing(actual) || isMissing(expected)) return false;
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected, ignoreCase));
  if (typeof actual === "object") return false;
  return (toText(actual, ignoreCase) ?? "").includes(toText(expected, ignoreCase) ?? "");
}

function textTest(test: (text: string, part: string) => boolean): OperatorFn {
  return (actual, expected, { ignoreCase }) => {
    if (isMissing(actual) || isMissing(expected) || typeof actual === "object") return false;
    return test(toText(actual, ignoreCase) ?? "", toText(expected, ignoreCase) ?? "");
  };
}

/** Numeric comparison only: "120.00" > 99 is true, but "abc" > 1 is false rather than alphabetical. */
function numeric(compare: (a: number, b: number) => boolean): OperatorFn {
  return (actual, expected) => {
    const [a, b] = [toNumber(actual), toNumber(expected)];
    return a !== undefined && b !== undefined && compare(a, b);
  };
}

function temporal(compare: (a: number, b: number) => boolean): OperatorFn {
  return (actual, expected, { timeZone }) => {
    const [a, b] = [parseInstant(actual, timeZone), parseInstant(expected, timeZone)];
    return a !== undefined && b !== undefined && compare(a.toMillis(), b.toMillis());
  };
}

function inList(actual: unknown, expected: unknown, { ignoreCase }: OperatorOptions): boolean {
  const list = toList(expected);
  if (!list || isMissing(actual)) return false;
  return list.some((item) => looselyEqual(actual, item, ignoreCase));
}

function matchesPattern(actual: unknown, expected: unknown, { ignoreCase }: OperatorOptions): boolean {
  if (typeof expected !== "string") throw new ConditionError("matches_pattern needs a text pattern");
  const check = checkPattern(expected, ignoreCase);
  if (!check.ok) throw new ConditionError(check.message);
  const text = toText(actual, false);
  if (text === undefined || text.length > MAX_PATTERN_INPUT_LENGTH) return false;
  return check.regex.test(text);
}

function not(fn: OperatorFn): OperatorFn {
  return (actual, expected, options) => !fn(actual, expected, options);
}

const equals: OperatorFn = (actual, expected, { ignoreCase }) => looselyEqual(actual, expected, ignoreCase);

/**
 * Missing fields: every positive test is false on a missing field, and each `not_*` operator is
 * the exact negation of its positive twin — so "status not_equals paid" holds when status is absent.
 * Comparisons (greater/less/before/after) are false whenever either side is not a number/date.
 */
export const OPERATORS: Record<RuleOperator, OperatorFn> = {
  equals,
  not_equals: not(equals),
  contains,
  not_contains: not(contains),
  starts_with: textTest((text, part) => text.startsWith(part)),
  ends_with: textTest((text, part) => text.endsWith(part)),
  greater_than: numeric((a, b) => a > b),
  less_than: numeric((a, b) => a < b),
  greater_or_equal: numeric((a, b) => a >= b),
  less_or_equal: numeric((a, b) => a <= b),
  before: temporal((a, b) => a < b),
  after: temporal((a, b) => a > b),
  is_empty: (actual) => isEmptyValue(actual),
  is_not_empty: (actual) => !isEmptyValue(actual),
  exists: (actual) => !isMissing(actual),
  not_exists: (actual) => isMissing(actual),
  in_list: inList,
  not_in_list: not(inList),
  matches_pattern: matchesPattern,
};
