import { formatPath, type PathSegment } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { formatDiffValue, parsePath, valueAtPath } from "./value-at-path";

describe("parsePath", () => {
  it.each<PathSegment[]>([
    ["props", "email"],
    ["props", "rules", 0, "value"],
    ["props", "first name", "a.b", 'say "hi"'],
    ["settings", "retry", "maxAttempts"],
    ["vars", "x", 10, 2],
  ])("reads back what formatPath wrote for %j", (...segments) => {
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });

  it("refuses what formatPath would not write", () => {
    expect(parsePath("props..email")).toBeNull();
    expect(parsePath("props[x]")).toBeNull();
    expect(parsePath(".props")).toBeNull();
  });
});

describe("valueAtPath", () => {
  const node = { props: { rules: [{ value: "Free" }], "first name": "Ana", empty: null } };

  it("finds values by path, and undefined where nothing is", () => {
    expect(valueAtPath(node, "props.rules[0].value")).toBe("Free");
    expect(valueAtPath(node, 'props["first name"]')).toBe("Ana");
    expect(valueAtPath(node, "props.empty")).toBeNull();
    expect(valueAtPath(node, "props.rules[3].value")).toBeUndefined();
    expect(valueAtPath(node, "props.missing.deeper")).toBeUndefined();
    expect(valueAtPath(node, "props.rules.length")).toBeUndefined();
  });

  it("never reads through the prototype", () => {
    expect(valueAtPath(node, "props.constructor")).toBeUndefined();
    expect(valueAtPath({}, "toString")).toBeUndefined();
  });
});

describe("formatDiffValue", () => {
  it("shows JSON, shortened, and names an absent value", () => {
    expect(formatDiffValue(undefined)).toBe("(not set)");
    expect(formatDiffValue("Free consultation")).toBe('"Free consultation"');
    expect(formatDiffValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatDiffValue("x".repeat(200))).toHaveLength(80);
  });
});
