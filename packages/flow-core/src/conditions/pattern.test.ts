import { describe, expect, it } from "vitest";
import { checkPattern, hasNestedQuantifier, MAX_PATTERN_LENGTH } from "./pattern";

describe("hasNestedQuantifier", () => {
  it("flags repeated groups that repeat inside", () => {
    expect(hasNestedQuantifier("(a+)+")).toBe(true);
    expect(hasNestedQuantifier("(\\w*\\s?)*$")).toBe(true);
    expect(hasNestedQuantifier("((ab)+c)*")).toBe(true);
    expect(hasNestedQuantifier("(x{2,})+")).toBe(true);
  });

  it("allows single-level repetition, optional groups and quantifier characters in classes or escapes", () => {
    expect(hasNestedQuantifier("^[a-z]+@[a-z]+\\.[a-z]{2,}$")).toBe(false);
    expect(hasNestedQuantifier("(ab)+")).toBe(false);
    expect(hasNestedQuantifier("(a+)?")).toBe(false);
    expect(hasNestedQuantifier("([+*])+")).toBe(false);
    expect(hasNestedQuantifier("(\\+)+")).toBe(false);
    expect(hasNestedQuantifier("(?:INV)-\\d+")).toBe(false);
  });
});

describe("checkPattern", () => {
  it("compiles good patterns and explains bad ones", () => {
    const good = checkPattern("^\\d{5}$");
    expect(good.ok && good.regex.test("75011")).toBe(true);
    expect(checkPattern("x".repeat(MAX_PATTERN_LENGTH + 1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/longer/),
    });
    expect(checkPattern("(a)\\1")).toMatchObject({ ok: false, message: expect.stringMatching(/Back-references/) });
    expect(checkPattern("[z-a]")).toMatchObject({ ok: false, message: expect.stringMatching(/Invalid pattern/) });
  });
});
