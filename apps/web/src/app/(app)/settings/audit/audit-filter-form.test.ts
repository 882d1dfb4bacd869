import { describe, expect, it } from "vitest";
import { auditExportHref, EMPTY_FILTER_FORM, toAuditFilters } from "./audit-filter-form";

describe("audit filter form", () => {
  it("turns days into an instant range that covers the whole To day", () => {
    const result = toAuditFilters({
      ...EMPTY_FILTER_FORM,
      action: "flow.",
      fromDay: "2025-03-01",
      toDay: "2025-03-01",
    });
    expect(result).toEqual({
      ok: true,
      filters: {
        action: "flow.",
        from: new Date(2025, 2, 1).toISOString(),
        to: new Date(2025, 2, 2).toISOString(),
      },
    });
  });

  it("refuses a range that ends before it starts", () => {
    expect(toAuditFilters({ ...EMPTY_FILTER_FORM, fromDay: "2025-03-02", toDay: "2025-03-01" })).toEqual({
      ok: false,
      problem: "The From date must be on or before the To date",
    });
  });

  it("links the export with the same filters", () => {
    expect(auditExportHref({})).toBe("/api/audit/export");
    expect(auditExportHref({ action: "run.", to: "2025-03-02T00:00:00.000Z" })).toBe(
      "/api/audit/export?action=run.&to=2025-03-02T00%3A00%3A00.000Z",
    );
  });
});
