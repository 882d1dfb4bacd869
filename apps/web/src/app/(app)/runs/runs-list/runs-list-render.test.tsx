import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RunListItem } from "../types";
import { EMPTY_RUN_FILTER_FORM } from "./run-filter-form";
import { RunFilterToolbar } from "./run-filter-toolbar";
import { RunsTable } from "./runs-table";

// First paint of the list's pieces: what a person sees before any effect or request.

const run = (id: string, changes: Partial<RunListItem> = {}): RunListItem => ({
  id,
  flowId: "00000000-0000-4000-8000-0000000000f1",
  flowName: "Bookings → invoices",
  version: 3,
  status: "needs_attention",
  summary: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
  businessKeys: ["jane.roe@roe.test"],
  isTest: false,
  createdAt: "2025-03-01T09:00:00.000Z",
  finishedAt: "2025-03-01T09:00:02.000Z",
  durationMs: 1_500,
  syncLagMs: 4_000,
  replayOf: null,
  ...changes,
});

const RUNS = [
  run("00000000-0000-4000-8000-0000000000a1"),
  run("00000000-0000-4000-8000-0000000000a2", { summary: "", isTest: true, version: null, status: "succeeded" }),
];

describe("the runs list", () => {
  it("links each run to its page and shows its facts", () => {
    const html = renderToStaticMarkup(<RunsTable runs={RUNS} />);
    expect(html).toContain(
      '<a href="/runs/00000000-0000-4000-8000-0000000000a1">Booking: Jane Roe, Tue 14:00 Europe/Paris</a>',
    );
    expect(html).toContain('<a href="/runs/00000000-0000-4000-8000-0000000000a2">Run 00000000</a>');
    expect(html).toContain('<span class="ho-badge ho-badge-danger">Needs attention</span>');
    expect(html).toContain("<td>v3</td>");
    expect(html).toContain('<span class="ho-badge">Test</span>');
    expect(html).toContain("<td>1.5 s</td><td>4.0 s</td>");
    expect(html).not.toContain('type="checkbox"');
  });

  it("offers checkboxes only with a selection (roles that may retry)", () => {
    const html = renderToStaticMarkup(
      <RunsTable
        runs={RUNS}
        selection={{
          selected: new Set(["00000000-0000-4000-8000-0000000000a1"]),
          onToggle: () => {},
          onToggleAll: () => {},
        }}
      />,
    );
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Select run Booking: Jane Roe, Tue 14:00 Europe/Paris" checked=""');
    expect(html).toContain('aria-label="Select all runs shown"');
  });

  it("labels every filter and links the export with the current filters", () => {
    const html = renderToStaticMarkup(
      <RunFilterToolbar
        form={{ ...EMPTY_RUN_FILTER_FORM, search: "jane@roe.test", kind: "live" }}
        onChange={() => {}}
        flows={[{ id: "00000000-0000-4000-8000-0000000000f1", name: "Bookings → invoices" }]}
        exportHref="/api/runs/export?search=jane%40roe.test&kind=live"
      />,
    );
    for (const label of ["Search", "Flow", "Status", "From", "To", "Version", "Test runs"]) {
      expect(html).toMatch(new RegExp(`<label for="[^"]+">${label}</label>`));
    }
    expect(html).toContain('placeholder="Email, phone, invoice number, booking or deal"');
    expect(html).toContain('value="jane@roe.test"');
    expect(html).toMatch(
      /<a class="ho-button ho-button-secondary" href="\/api\/runs\/export\?search=[^"]+" download="">Export CSV<\/a>/,
    );
    const invalid = renderToStaticMarkup(
      <RunFilterToolbar form={EMPTY_RUN_FILTER_FORM} onChange={() => {}} flows={undefined} exportHref={null} />,
    );
    expect(invalid).not.toContain("Export CSV");
  });
});
