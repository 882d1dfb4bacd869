import { describe, expect, it } from "vitest";
import { formatLag, formatPercent } from "./format-lag";

describe("formatLag", () => {
  it.each([
    [400, "0.4 s"],
    [9_950, "9.9 s"],
    [45_000, "45 s"],
    [60_000, "1 min"],
    [300_000, "5 min"],
    [420_000, "7 min"],
    [528_000, "8.8 min"],
    [3_600_000, "1 h"],
    [7_800_000, "2 h 10 min"],
    [86_400_000, "1 d"],
    [273_600_000, "3 d 4 h"],
  ])("%i ms reads %s", (ms, text) => {
    expect(formatLag(ms)).toBe(text);
  });
});

describe("formatPercent", () => {
  it.each([
    [0.375, "37.5%"],
    [0.5, "50%"],
    [1 / 3, "33.3%"],
    [0, "0%"],
  ])("%f reads %s", (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });
});
