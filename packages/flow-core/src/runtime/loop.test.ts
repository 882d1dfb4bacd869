import { describe, expect, it } from "vitest";
import { MAX_LOOP_ITEMS, resolveLoopItems } from "./loop";

describe("resolveLoopItems", () => {
  const context = {
    trigger: {
      lines: [{ sku: "a" }, { sku: "b" }],
      one: { sku: "c" },
      many: Array.from({ length: MAX_LOOP_ITEMS + 1 }, (_, i) => i),
    },
  };

  it("returns lists, wraps single values and treats nothing as empty", async () => {
    expect(await resolveLoopItems("trigger.lines", context)).toEqual([{ sku: "a" }, { sku: "b" }]);
    expect(await resolveLoopItems("{{ trigger.one }}", context)).toEqual([{ sku: "c" }]);
    expect(await resolveLoopItems("trigger.nothing", context)).toEqual([]);
  });

  it("refuses more items than the limit", async () => {
    await expect(resolveLoopItems("trigger.many", context)).rejects.toThrow(/more than the limit/);
  });
});
