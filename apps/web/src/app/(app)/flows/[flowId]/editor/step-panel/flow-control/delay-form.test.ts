import { describe, expect, it } from "vitest";
import { delayForm, delayProps } from "./delay-form";

describe("delay form", () => {
  it("round-trips a duration and a date", () => {
    const duration = { mode: "duration", amount: 2, unit: "hours" } as const;
    expect(delayProps(delayForm(duration, "UTC"))).toEqual(duration);
    const until = { mode: "until", at: "{{ trigger.booking.start }}", timeZone: "Europe/Paris" } as const;
    expect(delayProps(delayForm(until, "UTC"))).toEqual(until);
  });

  it("saves nothing while the form is incomplete or wrong", () => {
    const form = delayForm({ mode: "duration", amount: 1, unit: "days" }, "UTC");
    expect(delayProps({ ...form, amount: "" })).toBeNull();
    expect(delayProps({ ...form, amount: "-3" })).toBeNull();
    expect(delayProps({ ...form, amount: "soon" })).toBeNull();
    expect(delayProps({ ...form, mode: "until", at: "" })).toBeNull();
    expect(delayProps({ ...form, mode: "until", at: "2026-01-01T09:00", timeZone: "Mars/Olympus" })).toBeNull();
  });

  it("starts the date mode in the flow's time zone", () => {
    expect(delayForm({ mode: "duration", amount: 1, unit: "days" }, "Europe/Paris").timeZone).toBe("Europe/Paris");
  });
});
