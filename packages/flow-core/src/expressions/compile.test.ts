import { describe, expect, it } from "vitest";
import { compileExpression, MAX_EXPRESSION_LENGTH } from "./compile";

function errorOf(source: string): string | undefined {
  const result = compileExpression(source);
  return result.ok ? undefined : result.error.message;
}

describe("compileExpression", () => {
  it("compiles ordinary expressions and memoises them", () => {
    const first = compileExpression("$sum(trigger.items.price)");
    expect(first.ok).toBe(true);
    expect(compileExpression("$sum(trigger.items.price)")).toBe(first);
  });

  it("refuses prototype keys whether written as names or strings", () => {
    expect(errorOf("trigger.constructor")).toBe('"constructor" is not allowed in expressions');
    expect(errorOf("trigger.__proto__.x")).toBe('"__proto__" is not allowed in expressions');
    expect(errorOf('$lookup(trigger, "prototype")')).toBe('"prototype" is not allowed in expressions');
    expect(errorOf('{"__proto__": {"admin": true}}')).toBe('"__proto__" is not allowed in expressions');
  });

  it("refuses $eval, which would hide what an expression reads", () => {
    expect(errorOf('$eval("steps.x")')).toBe("$eval is not allowed in expressions");
  });

  it("refuses regex literals that can backtrack catastrophically", () => {
    expect(errorOf("$match(trigger.text, /(a+)+$/)")).toMatch(/repeats a group/);
    expect(errorOf("$match(trigger.text, /^[a-z]+$/)")).toBeUndefined();
  });

  it("reports syntax errors with a position and refuses very long expressions", () => {
    const result = compileExpression("trigger.a +");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.position).toBeGreaterThan(0);
    expect(errorOf(`"${"x".repeat(MAX_EXPRESSION_LENGTH)}"`)).toMatch(/longer than/);
  });
});
