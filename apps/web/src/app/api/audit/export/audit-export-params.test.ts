import { describe, expect, it } from "vitest";
import { parseAuditExportParams } from "./audit-export-params";

describe("audit export query parameters", () => {
  it("reads the page's filters and ignores empty ones", () => {
    const params = new URLSearchParams({
      action: "flow.",
      actorUserId: "",
      targetType: "flow",
      from: "2025-03-01T00:00:00.000Z",
      to: "2025-03-02T00:00:00.000Z",
      unrelated: "x",
    });
    expect(parseAuditExportParams(params)).toEqual({
      ok: true,
      filters: {
        action: "flow.",
        targetType: "flow",
        from: "2025-03-01T00:00:00.000Z",
        to: "2025-03-02T00:00:00.000Z",
      },
    });
  });

  it("names the parameter that is wrong", () => {
    expect(parseAuditExportParams(new URLSearchParams({ from: "yesterday" }))).toEqual({
      ok: false,
      problem: expect.stringMatching(/^from: .*ISO-8601/),
    });
    expect(parseAuditExportParams(new URLSearchParams({ actorUserId: "ana" }))).toEqual({
      ok: false,
      problem: "actorUserId: The person filter must be a user id",
    });
  });
});
