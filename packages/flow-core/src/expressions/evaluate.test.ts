import { describe, expect, it } from "vitest";
import {
  type ExpressionContext,
  ExpressionError,
  evaluateExpression,
  evaluateTemplate,
  resolveProps,
} from "./evaluate";

const context: ExpressionContext = {
  trigger: {
    contact: { name: "Ada", email: "ada@example.com" },
    amount: "120.50",
    items: [{ price: 2 }, { price: 3 }],
  },
  steps: { find_contact: { id: "c_42", tags: ["vip", "new"] } },
  vars: { company: "Acme Plumbing" },
  timeZone: "Europe/Paris",
};

describe("evaluateTemplate", () => {
  it("returns the raw value for a lone expression", async () => {
    expect(await evaluateTemplate("{{ steps.find_contact.tags }}", context)).toEqual(["vip", "new"]);
    expect(await evaluateTemplate(" {{ $sum(trigger.items.price) }} ", context)).toBe(5);
    expect(await evaluateTemplate("{{ trigger.contact }}", context)).toEqual({ name: "Ada", email: "ada@example.com" });
  });

  it("builds a string when text surrounds the expressions", async () => {
    expect(await evaluateTemplate("Hi {{ trigger.contact.name }} from {{ vars.company }}", context)).toBe(
      "Hi Ada from Acme Plumbing",
    );
    expect(
      await evaluateTemplate("Tags: {{ steps.find_contact.tags }}, n={{ $sum(trigger.items.price) }}", context),
    ).toBe('Tags: ["vip","new"], n=5');
    expect(await evaluateTemplate("Missing: [{{ trigger.nope }}]", context)).toBe("Missing: []");
  });

  it("leaves plain text alone and yields undefined for a missing path", async () => {
    expect(await evaluateTemplate("no braces", context)).toBe("no braces");
    expect(await evaluateTemplate("{{ trigger.nope }}", context)).toBeUndefined();
  });

  it("throws ExpressionError for syntax and runtime errors", async () => {
    await expect(evaluateTemplate("{{ trigger. }}", context)).rejects.toBeInstanceOf(ExpressionError);
    await expect(evaluateTemplate("{{ $formatDate(trigger.contact.name) }}", context)).rejects.toThrow(/is not a date/);
  });

  it("stops runaway expressions", async () => {
    await expect(evaluateExpression("($f := function($x) { $f($x + 1) }; $f(0))", context)).rejects.toThrow(
      ExpressionError,
    );
  });

  it("cannot reach prototypes or pollute them", async () => {
    await expect(evaluateExpression("trigger.constructor", context)).rejects.toThrow(/not allowed/);
    const merged = await evaluateExpression('$merge([{}, {"a": 1}])', context);
    expect(merged).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe("resolveProps", () => {
  it("resolves nested objects and arrays, dropping keys that resolve to nothing", async () => {
    const props = {
      customer: "{{ steps.find_contact.id }}",
      amount: "{{ $number(trigger.amount) }}",
      lines: [{ description: "Service for {{ trigger.contact.name }}", quantity: 1 }],
      note: "{{ trigger.missing }}",
      fixed: true,
    };
    expect(await resolveProps(props, context)).toEqual({
      customer: "c_42",
      amount: 120.5,
      lines: [{ description: "Service for Ada", quantity: 1 }],
      fixed: true,
    });
  });

  it("names the prop path in errors", async () => {
    const failing = resolveProps({ contact: { when: "{{ $formatDate('nope') }}" } }, context);
    await expect(failing).rejects.toMatchObject({ path: "props.contact.when", kind: "evaluation" });
    await expect(resolveProps({ a: "{{ trigger.( }}" }, context)).rejects.toMatchObject({
      path: "props.a",
      kind: "syntax",
    });
  });

  it("skips prototype keys in props", async () => {
    const props = JSON.parse('{"__proto__": {"polluted": "{{ trigger.amount }}"}, "ok": "yes"}') as Record<
      string,
      unknown
    >;
    const resolved = await resolveProps(props, context);
    expect(resolved).toEqual({ ok: "yes" });
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
  });
});
