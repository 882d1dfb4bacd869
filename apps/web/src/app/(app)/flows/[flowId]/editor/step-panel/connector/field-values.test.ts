import { describe, expect, it } from "vitest";
import {
  jsonFieldValue,
  jsonText,
  numberFieldValue,
  textOf,
  textToValue,
  withChild,
  withItem,
  withoutItem,
} from "./field-values";

describe("text fields", () => {
  it("show what the prop holds and drop the prop when emptied", () => {
    expect(textOf(undefined)).toBe("");
    expect(textOf("{{ trigger.email }}")).toBe("{{ trigger.email }}");
    expect(textOf(["a@x.com", "b@y.com"])).toBe("a@x.com, b@y.com");
    expect(textOf(12)).toBe("12");
    expect(textToValue("")).toBeUndefined();
    expect(textToValue(" ")).toBe(" ");
  });
});

describe("number fields", () => {
  it("save numbers as numbers and keep references and mistakes as typed", () => {
    expect(numberFieldValue("4500")).toBe(4500);
    expect(numberFieldValue(" -1.5 ")).toBe(-1.5);
    expect(numberFieldValue("{{ trigger.booking.priceMinorUnits }}")).toBe("{{ trigger.booking.priceMinorUnits }}");
    expect(numberFieldValue("12 euros")).toBe("12 euros");
    expect(numberFieldValue("  ")).toBeUndefined();
  });
});

describe("JSON fields", () => {
  it("parse JSON and keep other text as text", () => {
    expect(jsonFieldValue('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(jsonFieldValue("{{ trigger }}")).toBe("{{ trigger }}");
    expect(jsonFieldValue("hello")).toBe("hello");
    expect(jsonFieldValue("")).toBeUndefined();
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(jsonText("hello")).toBe("hello");
  });
});

describe("nested values", () => {
  it("set and remove an object's key, dropping an empty object", () => {
    expect(withChild({ a: 1 }, "b", 2)).toEqual({ a: 1, b: 2 });
    expect(withChild({ a: 1, b: 2 }, "b", undefined)).toEqual({ a: 1 });
    expect(withChild({ a: 1 }, "a", undefined)).toBeUndefined();
    expect(withChild(undefined, "a", "x")).toEqual({ a: "x" });
  });

  it("replace and remove list items", () => {
    expect(withItem(["a", "b"], 1, "c")).toEqual(["a", "c"]);
    expect(withItem(["a", "b"], 0, undefined)).toEqual(["", "b"]);
    expect(withoutItem(["a", "b"], 0)).toEqual(["b"]);
    expect(withoutItem(["a"], 0)).toBeUndefined();
  });
});
