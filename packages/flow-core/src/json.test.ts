import { describe, expect, it } from "vitest";
import { formatPath, jsonEqual, toPlainValue } from "./json";

describe("formatPath", () => {
  it("renders identifiers with dots, indexes with brackets and odd keys quoted", () => {
    expect(formatPath(["props", "rules", 0, "field"])).toBe("props.rules[0].field");
    expect(formatPath(["props", "first name"])).toBe('props["first name"]');
    expect(formatPath([])).toBe("");
  });
});

describe("jsonEqual", () => {
  it("ignores key order but not values", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual("1", 1)).toBe(false);
  });
});

describe("toPlainValue", () => {
  it("drops functions and prototype keys, and turns non-finite numbers into null", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown;
    expect(toPlainValue({ fn: () => 1, nested: hostile, n: Number.NaN })).toEqual({ nested: { ok: 1 }, n: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("converts dates to ISO strings and keeps array positions", () => {
    expect(toPlainValue([new Date("2024-01-02T03:04:05Z"), undefined])).toEqual(["2024-01-02T03:04:05.000Z", null]);
  });
});
