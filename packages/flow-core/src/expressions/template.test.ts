import { describe, expect, it } from "vitest";
import { asExpressionTemplate, parseTemplate } from "./template";

describe("parseTemplate", () => {
  it("splits text and expressions, with offsets", () => {
    const result = parseTemplate("Hi {{ trigger.name }}, order {{ steps.crm.id }}");
    expect(result).toEqual({
      ok: true,
      template: {
        isSingleExpression: false,
        segments: [
          { kind: "text", value: "Hi " },
          { kind: "expression", source: "trigger.name", start: 3, end: 21 },
          { kind: "text", value: ", order " },
          { kind: "expression", source: "steps.crm.id", start: 29, end: 47 },
        ],
      },
    });
  });

  it("marks a lone expression (surrounding blanks allowed) as single", () => {
    expect(parseTemplate("  {{ trigger.amount }} ").ok && parseTemplate("  {{ trigger.amount }} ")).toMatchObject({
      template: { isSingleExpression: true },
    });
    expect(parseTemplate("{{ a }}{{ b }}")).toMatchObject({ ok: true, template: { isSingleExpression: false } });
  });

  it("does not end an expression at braces inside strings or object constructors", () => {
    const result = parseTemplate('{{ {"a": {"b": "}}"}} }}');
    expect(result).toMatchObject({
      ok: true,
      template: { segments: [{ kind: "expression", source: '{"a": {"b": "}}"}}' }] },
    });
  });

  it("reports unclosed and empty expressions at the opening braces", () => {
    expect(parseTemplate("Hello {{ trigger.name")).toEqual({
      ok: false,
      error: { message: "Unclosed {{ — add the matching }}", position: 6 },
    });
    expect(parseTemplate("a {{   }}")).toEqual({
      ok: false,
      error: { message: "Empty expression {{ }}", position: 2 },
    });
  });

  it("reports jsonata syntax errors with a position inside the template", () => {
    const result = parseTemplate("Total: {{ $sum(trigger.items.price }}");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/Expected "\)"/);
    // The expression starts at offset 10 and jsonata chokes at its end, 24 characters later.
    expect(result.error.position).toBe(34);
  });
});

describe("asExpressionTemplate", () => {
  it("wraps bare expressions and leaves templates alone", () => {
    expect(asExpressionTemplate("trigger.amount")).toBe("{{ trigger.amount }}");
    expect(asExpressionTemplate("{{ trigger.amount }}")).toBe("{{ trigger.amount }}");
  });
});
