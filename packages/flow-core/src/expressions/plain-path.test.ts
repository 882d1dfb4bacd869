import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { toPlainValue } from "../json";
import { evaluateExpression } from "./evaluate";

const context = {
  trigger: {
    id: "evt-1",
    amount: 120,
    paid: false,
    nothing: null,
    customer: { email: "jane@roe.test", tags: ["vip"], address: { city: "Lyon" } },
    lines: [{ sku: "A" }, { sku: "B" }],
    one: [{ sku: "only" }],
  },
  steps: { crm: { id: "c-9", deal: { stage: "won" } } },
  vars: { currency: "EUR" },
};

async function jsonataAnswer(source: string) {
  const input = { trigger: context.trigger, steps: context.steps, vars: context.vars };
  return toPlainValue(await jsonata(source).evaluate(input));
}

describe("plain paths read directly give jsonata's answer", () => {
  it.each([
    "trigger.id",
    "trigger.amount",
    "trigger.paid",
    "trigger.nothing",
    "trigger.missing",
    "trigger.missing.deeper",
    "trigger.customer",
    "trigger.customer.address.city",
    "trigger.customer.tags",
    "trigger.lines",
    "trigger.lines.sku",
    "trigger.one.sku",
    "trigger.nothing.below",
    "steps.crm.deal.stage",
    "steps.absent.id",
    "vars.currency",
    " trigger.id ",
  ])("%s", async (source) => {
    expect(await evaluateExpression(source, context)).toEqual(await jsonataAnswer(source));
  });

  it("refuses the prototype, as the compiler does for any expression", async () => {
    await expect(evaluateExpression("trigger.__proto__", context)).rejects.toThrow('"__proto__" is not allowed');
    await expect(evaluateExpression("trigger.constructor", context)).rejects.toThrow('"constructor" is not allowed');
  });
});
