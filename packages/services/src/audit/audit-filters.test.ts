import { describe, expect, it } from "vitest";
import { splitActionFilter, ZAuditFilters } from "./audit-filters";

function problem(input: unknown): string | undefined {
  const parsed = ZAuditFilters.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join("; ");
}

describe("audit filters", () => {
  it("accepts exact actions, prefixes, people and zoned times", () => {
    expect(
      ZAuditFilters.parse({
        action: "flow.",
        actorUserId: "0b6f7a3e-8c1d-4f6e-9a2b-3c4d5e6f7a8b",
        from: "2025-03-01T00:00:00+01:00",
        to: "2025-03-02T00:00:00Z",
      }),
    ).toMatchObject({ action: "flow." });
    expect(splitActionFilter("flow.")).toEqual({ exact: null, prefix: "flow." });
    expect(splitActionFilter("flow.published")).toEqual({ exact: "flow.published", prefix: null });
  });

  it("says precisely what is wrong", () => {
    expect(problem({ action: "flow.%" })).toContain("dotted verb");
    expect(problem({ actorUserId: "ana" })).toBe("The person filter must be a user id");
    expect(problem({ from: "yesterday" })).toContain("ISO-8601");
    expect(problem({ from: "2025-03-01" })).toContain("ISO-8601");
    expect(problem({ from: "2025-03-02T00:00:00Z", to: "2025-03-01T00:00:00Z" })).toBe(
      "The start of the date range must be before its end",
    );
  });
});
