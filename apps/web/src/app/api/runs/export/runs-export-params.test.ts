import { describe, expect, it } from "vitest";
import { parseRunsExportParams } from "./runs-export-params";

describe("runs export query parameters", () => {
  it("reads the page's filters, with dates and the version as values, and ignores empty ones", () => {
    const params = new URLSearchParams({
      search: " jane.roe@roe.test ",
      flowId: "5f0c6f1e-8d2a-4c1b-9e3f-0a1b2c3d4e5f",
      status: "needs_attention",
      from: "2025-03-01T00:00:00.000Z",
      to: "2025-03-02T00:00:00+01:00",
      version: "3",
      kind: "live",
      unrelated: "x",
    });
    expect(parseRunsExportParams(params)).toEqual({
      ok: true,
      filters: {
        search: "jane.roe@roe.test",
        flowId: "5f0c6f1e-8d2a-4c1b-9e3f-0a1b2c3d4e5f",
        status: "needs_attention",
        from: new Date("2025-03-01T00:00:00.000Z"),
        to: new Date("2025-03-01T23:00:00.000Z"),
        version: 3,
        kind: "live",
      },
    });
    expect(parseRunsExportParams(new URLSearchParams({ status: "", kind: " " }))).toEqual({ ok: true, filters: {} });
  });

  it("names the parameter that is wrong", () => {
    const problem = (query: Record<string, string>) => {
      const parsed = parseRunsExportParams(new URLSearchParams(query));
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem({ from: "yesterday" })).toMatch(/^from: .*ISO-8601/);
    expect(problem({ version: "three" })).toBe("version: A version is a whole number, e.g. 3");
    expect(problem({ version: "0" })).toMatch(/^version: /);
    expect(problem({ status: "broken" })).toMatch(/^status: .*needs_attention/);
    expect(problem({ kind: "both" })).toMatch(/^kind: /);
    expect(problem({ flowId: "bookings" })).toMatch(/^flowId: /);
    expect(problem({ from: "2025-03-02T00:00:00Z", to: "2025-03-01T00:00:00Z" })).toBe(
      "to: The start of the date range must be before its end",
    );
  });
});
