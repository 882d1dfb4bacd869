import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { failedRunsHref, formatDay, formatRate, worstLag } from "./dashboard-format";
import { SyncHealthView } from "./sync-health-dashboard";
import type { SyncHealth } from "./types";

const BOOKING = "00000000-0000-4000-8000-0000000000b1";
const INVOICE = "00000000-0000-4000-8000-0000000000b2";

const days = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    day: `2026-03-${String(i + 1).padStart(2, "0")}`,
    succeeded: 0,
    failed: 0,
    canceled: 0,
    inProgress: 0,
    total: 0,
  }));

const EMPTY: SyncHealth = {
  timeZone: "Europe/Paris",
  today: "2026-03-14",
  runsToday: 0,
  perDay: days(14),
  successRate: { succeeded: 0, finished: 0, rate: null },
  needsAttention: 0,
  lagByFlow: [],
  topFailingFlows: [],
  flags: [],
};

const BUSY: SyncHealth = {
  ...EMPTY,
  runsToday: 4,
  perDay: [...days(13), { day: "2026-03-14", succeeded: 1, failed: 2, canceled: 0, inProgress: 1, total: 4 }],
  successRate: { succeeded: 12, finished: 23, rate: 12 / 23 },
  needsAttention: 9,
  lagByFlow: [
    {
      flowId: INVOICE,
      flowName: "Invoice paid → CRM",
      runs: 5,
      p50Ms: 180_000,
      p95Ms: 528_000,
      targetMs: 300_000,
      overTarget: true,
    },
    {
      flowId: BOOKING,
      flowName: "Booking → CRM",
      runs: 5,
      p50Ms: 30_000,
      p95Ms: 48_000,
      targetMs: 60_000,
      overTarget: false,
    },
  ],
  topFailingFlows: [{ flowId: BOOKING, flowName: "Booking → CRM", failures: 3 }],
  flags: [
    {
      kind: "lag_over_target",
      flowId: INVOICE,
      flowName: "Invoice paid → CRM",
      message: "Invoice paid → CRM: p95 lag 8.8 min, target 5 min",
    },
  ],
};

describe("the sync health dashboard", () => {
  it("shows the tiles, the lag table with its verdicts, the failing flows and the flags", () => {
    const html = renderToStaticMarkup(<SyncHealthView health={BUSY} />);
    expect(html).toContain(
      '<div class="ho-stat-value">4</div><figcaption class="ho-stat-label">Runs today</figcaption>',
    );
    expect(html).toContain('<div class="ho-stat-value">52.2%</div>');
    expect(html).toContain("12 of 23 finished runs");
    expect(html).toContain('<a href="/runs/attention">Open the queue</a>');
    expect(html).toContain('<div class="ho-stat-value">8 min 48 s</div>');
    expect(html).toContain(
      '<th scope="row">Invoice paid → CRM</th><td>5</td><td>3 min 00 s</td><td>8 min 48 s</td><td>5 min 00 s</td><td><span class="ho-badge ho-badge-danger">Over target</span></td>',
    );
    expect(html).toContain('<span class="ho-badge ho-badge-ok">Within target</span>');
    expect(html).toContain(
      `<a href="/runs?flowId=${BOOKING}&amp;status=needs_attention">Booking → CRM</a></th><td>3</td>`,
    );
    expect(html).toContain(
      '<li class="ho-notice"><span class="ho-badge ho-badge-warn">Slow</span> Invoice paid → CRM: p95 lag 8.8 min, target 5 min</li>',
    );
    // The chart's numbers, as text: today's row of the per-day table.
    expect(html).toContain(
      '<time dateTime="2026-03-14">Sat 14 Mar</time></th><td>1</td><td>2</td><td>0</td><td>1</td><td>4</td>',
    );
  });

  it("says what is missing in an empty workspace instead of drawing empty charts", () => {
    const html = renderToStaticMarkup(<SyncHealthView health={EMPTY} />);
    expect(html).toContain('<h2 id="quiet-title">No live runs in the last 14 days</h2>');
    expect(html).toContain("No finished runs");
    expect(html).toContain("No successful runs");
    expect(html).not.toContain('aria-label="Runs per day"');
  });

  it("says what is missing in each panel of a workspace with runs but no failures", () => {
    const html = renderToStaticMarkup(
      <SyncHealthView health={{ ...BUSY, lagByFlow: [], topFailingFlows: [], flags: [] }} />,
    );
    expect(html).toContain("No successful live runs in the last 7 days.");
    expect(html).toContain("No failed live runs in the last 7 days.");
    expect(html).toContain("Nothing flagged");
    expect(html).toContain('aria-label="Runs per day"');
  });
});

describe("dashboard formatting", () => {
  it("writes rates, days and links the way the page shows them", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(0.5)).toBe("50%");
    expect(formatRate(12 / 23)).toBe("52.2%");
    expect(formatDay("2026-03-29")).toBe("Sun 29 Mar");
    expect(failedRunsHref({ flowId: BOOKING })).toBe(`/runs?flowId=${BOOKING}&status=needs_attention`);
    expect(worstLag(BUSY.lagByFlow)?.flowName).toBe("Invoice paid → CRM");
    expect(worstLag([])).toBeNull();
  });
});
