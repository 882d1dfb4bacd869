import { describe, expect, it } from "vitest";
import type { RuleOperator } from "../schema/rules";
import { OPERATORS } from "./operators";

const options = { ignoreCase: false, timeZone: "UTC" };
const run = (operator: RuleOperator, actual: unknown, expected?: unknown, ignoreCase = false) =>
  OPERATORS[operator](actual, expected, { ...options, ignoreCase });

describe("equality", () => {
  it("equals compares numeric text numerically, booleans loosely and text exactly", () => {
    expect(run("equals", "120.00", 120)).toBe(true);
    expect(run("equals", "true", true)).toBe(true);
    expect(run("equals", "Paid", "paid")).toBe(false);
    expect(run("equals", "Paid", "paid", true)).toBe(true);
    expect(run("equals", { a: [1] }, { a: [1] })).toBe(true);
    expect(run("equals", undefined, "x")).toBe(false);
  });

  it("not_equals is the exact negation, so a missing field is not equal to anything", () => {
    expect(run("not_equals", "open", "paid")).toBe(true);
    expect(run("not_equals", "120", 120)).toBe(false);
    expect(run("not_equals", undefined, "paid")).toBe(true);
  });
});

describe("text operators", () => {
  it("contains looks into text and lists", () => {
    expect(run("contains", "Urgent: leak", "leak")).toBe(true);
    expect(run("contains", "Urgent: LEAK", "leak")).toBe(false);
    expect(run("contains", "Urgent: LEAK", "leak", true)).toBe(true);
    expect(run("contains", ["vip", "new"], "vip")).toBe(true);
    expect(run("contains", [1, 2], "2")).toBe(true);
    expect(run("contains", undefined, "x")).toBe(false);
  });

  it("not_contains negates contains, including for missing fields", () => {
    expect(run("not_contains", "hello", "spam")).toBe(true);
    expect(run("not_contains", ["spam"], "spam")).toBe(false);
    expect(run("not_contains", null, "spam")).toBe(true);
  });

  it("starts_with and ends_with", () => {
    expect(run("starts_with", "INV-2024-01", "INV-")).toBe(true);
    expect(run("starts_with", "inv-2024", "INV-", true)).toBe(true);
    expect(run("ends_with", "ada@example.com", "@example.com")).toBe(true);
    expect(run("ends_with", "ada@example.org", "@example.com")).toBe(false);
    expect(run("starts_with", undefined, "a")).toBe(false);
  });
});

describe("numeric comparisons", () => {
  it("compare numbers sent as text by CRMs", () => {
    expect(run("greater_than", "120.00", 99)).toBe(true);
    expect(run("greater_than", "120.00", "120")).toBe(false);
    expect(run("less_than", " 7 ", "10")).toBe(true);
    expect(run("greater_or_equal", "120", 120)).toBe(true);
    expect(run("less_or_equal", 121, "120.5")).toBe(false);
  });

  it("are false when either side is not a number instead of comparing alphabetically", () => {
    expect(run("greater_than", "banana", "apple")).toBe(false);
    expect(run("less_than", undefined, 5)).toBe(false);
    expect(run("greater_than", "1,200", 5)).toBe(false);
  });
});

describe("date comparisons", () => {
  it("compare ISO strings and epochs (seconds or milliseconds)", () => {
    expect(run("before", "2024-01-01T00:00:00Z", "2024-06-01")).toBe(true);
    expect(run("after", 1_717_200_000, "2024-01-01T00:00:00Z")).toBe(true);
    expect(run("after", 1_717_200_000_000, 1_717_199_999)).toBe(true);
    expect(run("before", "2024-01-01T10:00:00+02:00", "2024-01-01T09:00:00Z")).toBe(true);
  });

  it("read offset-less dates in the context zone", () => {
    const paris = { ignoreCase: false, timeZone: "Europe/Paris" };
    // Midnight in Paris is 23:00 UTC the day before.
    expect(OPERATORS.before("2024-01-01T23:30:00Z", "2024-01-02", paris)).toBe(false);
    expect(OPERATORS.before("2024-01-01T22:30:00Z", "2024-01-02", paris)).toBe(true);
  });

  it("are false for non-dates", () => {
    expect(run("before", "soon", "2024-01-01")).toBe(false);
    expect(run("after", undefined, "2024-01-01")).toBe(false);
  });
});

describe("presence", () => {
  it("is_empty treats missing, blank text, empty lists and objects as empty", () => {
    for (const value of [undefined, null, "", "   ", [], {}]) expect(run("is_empty", value)).toBe(true);
    for (const value of [0, false, "x", [0], { a: 1 }]) expect(run("is_empty", value)).toBe(false);
    expect(run("is_not_empty", 0)).toBe(true);
    expect(run("is_not_empty", "")).toBe(false);
  });

  it("exists is about the field being sent at all, so empty text exists", () => {
    expect(run("exists", "")).toBe(true);
    expect(run("exists", null)).toBe(false);
    expect(run("not_exists", undefined)).toBe(true);
    expect(run("not_exists", 0)).toBe(false);
  });
});

describe("lists", () => {
  it("in_list accepts arrays or comma-separated text and coerces like equals", () => {
    expect(run("in_list", "gold", ["gold", "silver"])).toBe(true);
    expect(run("in_list", "Gold", "gold, silver", true)).toBe(true);
    expect(run("in_list", "120.0", [100, 120])).toBe(true);
    expect(run("in_list", "bronze", "gold, silver")).toBe(false);
    expect(run("in_list", undefined, ["gold"])).toBe(false);
  });

  it("not_in_list negates in_list", () => {
    expect(run("not_in_list", "bronze", ["gold"])).toBe(true);
    expect(run("not_in_list", "gold", ["gold"])).toBe(false);
    expect(run("not_in_list", undefined, ["gold"])).toBe(true);
  });
});

describe("matches_pattern", () => {
  it("tests a regular expression, optionally ignoring case", () => {
    expect(run("matches_pattern", "INV-2024-0042", "^INV-\\d{4}-\\d+$")).toBe(true);
    expect(run("matches_pattern", "inv-2024-0042", "^INV-", true)).toBe(true);
    expect(run("matches_pattern", "inv-2024-0042", "^INV-")).toBe(false);
    expect(run("matches_pattern", undefined, "x")).toBe(false);
  });

  it("does not match inputs over the length cap and throws on unsafe patterns", () => {
    expect(run("matches_pattern", `${"a".repeat(5000)}b`, "b$")).toBe(false);
    expect(() => run("matches_pattern", "aaaa", "(a+)+$")).toThrow(/repeats a group/);
    expect(() => run("matches_pattern", "aaaa", "([")).toThrow(/Invalid pattern/);
  });
});
