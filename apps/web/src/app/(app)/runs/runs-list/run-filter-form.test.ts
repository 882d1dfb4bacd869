import { describe, expect, it } from "vitest";
import { parseRunsExportParams } from "../../../api/runs/export/runs-export-params";
import {
  EMPTY_RUN_FILTER_FORM,
  formFromQuery,
  queryFromForm,
  type RunFilterForm,
  runsExportHref,
  toRunListFilters,
} from "./run-filter-form";

const FLOW = "5f0c6f1e-8d2a-4c1b-9e3f-0a1b2c3d4e5f";
const form = (changes: Partial<RunFilterForm>): RunFilterForm => ({ ...EMPTY_RUN_FILTER_FORM, ...changes });

describe("runs filter form", () => {
  it("keeps only the filters in use in the URL, and reads them back", () => {
    const filled = form({ search: " jane@roe.test ", flowId: FLOW, status: "failed", fromDay: "2025-03-01" });
    const query = queryFromForm(filled);
    expect(query).toBe(`search=jane%40roe.test&flowId=${FLOW}&status=failed&from=2025-03-01`);
    expect(formFromQuery(new URLSearchParams(query))).toEqual({ ...filled, search: "jane@roe.test" });
    expect(queryFromForm(EMPTY_RUN_FILTER_FORM)).toBe("");
    expect(formFromQuery(new URLSearchParams())).toEqual(EMPTY_RUN_FILTER_FORM);
  });

  it("turns the form into list filters, whole local days included", () => {
    expect(
      toRunListFilters(
        form({
          search: "  INV-0042 ",
          flowId: FLOW,
          status: "needs_attention",
          fromDay: "2025-03-01",
          toDay: "2025-03-03",
          version: " 3 ",
          kind: "live",
        }),
      ),
    ).toEqual({
      ok: true,
      filters: {
        search: "INV-0042",
        flowId: FLOW,
        status: "needs_attention",
        from: new Date(2025, 2, 1),
        to: new Date(2025, 2, 4),
        version: 3,
        kind: "live",
      },
    });
    expect(toRunListFilters(form({ fromDay: "2025-03-01", toDay: "2025-03-01" }))).toMatchObject({ ok: true });
  });

  it("says precisely what is wrong, for values typed or edited into a link", () => {
    const problem = (changes: Partial<RunFilterForm>) => {
      const parsed = toRunListFilters(form(changes));
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem({ fromDay: "2025-03-02", toDay: "2025-03-01" })).toBe(
      "The From date must be on or before the To date",
    );
    expect(problem({ toDay: "March 1st" })).toBe("Pick dates with the date picker (year-month-day)");
    expect(problem({ version: "0" })).toBe("The version is a whole number from 1, e.g. 3");
    expect(problem({ version: "2.5" })).toBe("The version is a whole number from 1, e.g. 3");
    expect(problem({ status: "broken" })).toBe('"broken" is not a run status; pick one');
    expect(problem({ flowId: "bookings" })).toBe("The flow in this link is not a flow id; pick a flow");
    expect(problem({ kind: "both" })).toBe("Show all, live or test runs");
    expect(problem({ search: "x".repeat(201) })).toBe("Search for at most 200 characters");
  });

  it("gives the export the very filters the list uses", () => {
    const parsed = toRunListFilters(
      form({
        search: "+33 6 12 34 56 78",
        flowId: FLOW,
        status: "failed",
        fromDay: "2025-03-01",
        version: "2",
        kind: "test",
      }),
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    const href = runsExportHref(parsed.filters);
    expect(href.startsWith("/api/runs/export?")).toBe(true);
    expect(parseRunsExportParams(new URL(href, "http://handoff.test").searchParams)).toEqual({
      ok: true,
      filters: parsed.filters,
    });
    expect(runsExportHref({})).toBe("/api/runs/export");
  });
});
