import { describe, expect, it } from "vitest";
import { nodeSettings, settingsForm } from "./settings-form";

describe("node settings form", () => {
  it("round-trips retries and continue-on-error", () => {
    const settings = { retry: { maxAttempts: 5, backoffBaseMs: 2500 }, continueOnError: true };
    expect(settingsForm(settings)).toEqual({ attempts: "5", waitSeconds: "2.5", continueOnError: true });
    expect(nodeSettings(settingsForm(settings))).toEqual(settings);
  });

  it("clears the settings when nothing is set, so the flow's defaults apply", () => {
    expect(nodeSettings(settingsForm(undefined))).toBeNull();
  });

  it("waits for valid retry numbers", () => {
    const form = settingsForm(undefined);
    expect(nodeSettings({ ...form, waitSeconds: "10" })).toBeUndefined();
    expect(nodeSettings({ ...form, attempts: "50" })).toBeUndefined();
    expect(nodeSettings({ ...form, attempts: "three" })).toBeUndefined();
    expect(nodeSettings({ ...form, attempts: "3" })).toEqual({ retry: { maxAttempts: 3, backoffBaseMs: 0 } });
  });
});
