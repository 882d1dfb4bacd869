import { describe, expect, it } from "vitest";
import { ExpressionError } from "../expressions/evaluate";
import { computeDelayEnd } from "./delay";

describe("computeDelayEnd", () => {
  const now = new Date("2024-03-30T09:00:00Z");

  it("adds durations, keeping wall-clock time across DST in the flow zone", async () => {
    const paris = { timeZone: "Europe/Paris" };
    expect((await computeDelayEnd({ mode: "duration", amount: 90, unit: "minutes" }, paris, now)).toISOString()).toBe(
      "2024-03-30T10:30:00.000Z",
    );
    // 10:00 Paris on 30 March is 09:00Z; 10:00 Paris on 31 March (summer time) is 08:00Z.
    expect((await computeDelayEnd({ mode: "duration", amount: 1, unit: "days" }, paris, now)).toISOString()).toBe(
      "2024-03-31T08:00:00.000Z",
    );
  });

  it("waits until a date from an expression, read in the delay's zone", async () => {
    const context = { trigger: { appointment: "2024-04-02T14:00" } };
    const props = { mode: "until" as const, at: "{{ trigger.appointment }}", timeZone: "Europe/Paris" };
    expect((await computeDelayEnd(props, context, now)).toISOString()).toBe("2024-04-02T12:00:00.000Z");
  });

  it("fails clearly when the date is not a date", async () => {
    const props = { mode: "until" as const, at: "{{ trigger.when }}", timeZone: "UTC" };
    await expect(computeDelayEnd(props, { trigger: { when: "soon" } }, now)).rejects.toThrow(ExpressionError);
  });
});
