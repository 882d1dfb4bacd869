import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./evaluate";

const paris = { timeZone: "Europe/Paris", trigger: { start: "2024-03-30T09:00:00Z", empty: "", epoch: 1700000000 } };

describe("date helpers", () => {
  it("formats a UTC instant in Europe/Paris, across the DST change", async () => {
    expect(
      await evaluateExpression('$formatDate("2024-07-14T12:00:00Z", "yyyy-MM-dd HH:mm", "Europe/Paris")', {}),
    ).toBe("2024-07-14 14:00");
    expect(await evaluateExpression('$formatDate("2024-01-14T12:00:00Z", "HH:mm ZZ", "Europe/Paris")', {})).toBe(
      "13:00 +01:00",
    );
  });

  it("uses the context zone when none is given, and ISO when no pattern is given", async () => {
    expect(await evaluateExpression('$formatDate(trigger.start, "d MMM HH:mm")', paris)).toBe("30 Mar 10:00");
    expect(await evaluateExpression("$formatDate(trigger.start)", paris)).toBe("2024-03-30T10:00:00.000+01:00");
    expect(await evaluateExpression('$formatDate(trigger.epoch, "yyyy-MM-dd HH:mm", "UTC")', paris)).toBe(
      "2023-11-14 22:13",
    );
  });

  it("adds durations in wall-clock time so a day later keeps the hour across DST", async () => {
    // 30 March 10:00 Paris (+01:00) plus one day is 31 March 10:00 (+02:00), only 23 hours later.
    expect(await evaluateExpression('$addDuration(trigger.start, 1, "day")', paris)).toBe(
      "2024-03-31T10:00:00.000+02:00",
    );
    expect(await evaluateExpression('$addDuration(trigger.start, 90, "minutes", "UTC")', paris)).toBe(
      "2024-03-30T10:30:00.000Z",
    );
  });

  it("parses local text into a UTC instant", async () => {
    expect(await evaluateExpression('$parseDate("05/03/2024 14:30", "dd/MM/yyyy HH:mm")', paris)).toBe(
      "2024-03-05T13:30:00.000Z",
    );
  });

  it("passes missing dates through and rejects bad zones and units", async () => {
    expect(await evaluateExpression("$formatDate(trigger.empty)", paris)).toBeUndefined();
    await expect(evaluateExpression('$formatDate(trigger.start, "HH", "Mars/Base")', paris)).rejects.toThrow(
      /Unknown time zone/,
    );
    await expect(evaluateExpression('$addDuration(trigger.start, 1, "fortnight")', paris)).rejects.toThrow(/expects/);
  });
});

describe("text and number helpers", () => {
  const context = { trigger: { name: "  Ada Lovelace ", nothing: null, price: 2.675, blank: "" } };

  it("provides defaults for missing, null and blank values", async () => {
    expect(await evaluateExpression('$default(trigger.missing, "n/a")', context)).toBe("n/a");
    expect(await evaluateExpression('$default(trigger.nothing, "n/a")', context)).toBe("n/a");
    expect(await evaluateExpression('$default(trigger.blank, "n/a")', context)).toBe("n/a");
    expect(await evaluateExpression('$default(trigger.name, "n/a")', context)).toBe("  Ada Lovelace ");
  });

  it("changes case and trims, next to jsonata's own text functions", async () => {
    expect(await evaluateExpression("$upper($trim(trigger.name))", context)).toBe("ADA LOVELACE");
    expect(await evaluateExpression("$lower(trigger.name)", context)).toBe("  ada lovelace ");
    expect(await evaluateExpression('$replace($trim(trigger.name), " ", "_")', context)).toBe("Ada_Lovelace");
  });

  it("rounds half away from zero, unlike jsonata's $round", async () => {
    expect(await evaluateExpression("$roundHalfUp(2.5)", context)).toBe(3);
    expect(await evaluateExpression("$round(2.5)", context)).toBe(2);
    expect(await evaluateExpression("$roundHalfUp(1.005, 2)", context)).toBe(1.01);
    expect(await evaluateExpression("$roundHalfUp(-2.5)", context)).toBe(-3);
    expect(await evaluateExpression('$formatNumber(1234.5, "#,##0.00")', context)).toBe("1,234.50");
  });
});
