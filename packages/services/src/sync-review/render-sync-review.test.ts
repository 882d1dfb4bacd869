import { describe, expect, it } from "vitest";
import type { SyncReview } from "./get-sync-review";
import { renderSyncReview } from "./render-sync-review";

const quiet: SyncReview = {
  workspaceName: "Roe & Sons <Dental>",
  timeZone: "Europe/Paris",
  periodStart: "2026-03-02T07:00:00.000Z",
  periodEnd: "2026-03-09T07:00:00.000Z",
  mappingOwner: null,
  failedSyncs: [],
  duplicates: [],
  canceledStillOpen: [],
  counts: { failedSyncs: 0, duplicates: 0, canceledStillOpen: 0 },
};

const busy: SyncReview = {
  ...quiet,
  failedSyncs: [
    {
      runId: "run-1",
      flowId: "flow-1",
      flowName: "Bookings",
      status: "needs_attention",
      summary: 'Booking: <script>alert("x")</script>',
      error: "Stripe said: amount < 0",
      at: "2026-03-03T13:02:00.000Z",
      replayedByRunId: null,
      url: "https://h.test/runs/run-1",
    },
  ],
  counts: { failedSyncs: 3, duplicates: 0, canceledStillOpen: 0 },
};

describe("sync review e-mail", () => {
  it("says when there is nothing to review, each list saying what its emptiness means", () => {
    const rendered = renderSyncReview(quiet);
    expect(rendered.subject).toBe("Sync review 2 Mar – 9 Mar: nothing to review");
    expect(rendered.text).toBe(
      [
        "Sync review for Roe & Sons <Dental>, 2 Mar – 9 Mar (Europe/Paris)",
        "",
        "Failed syncs (0)",
        "No sync failed.",
        "",
        "Duplicates found by the identity service (0)",
        "No duplicate customer found.",
        "",
        "Canceled appointments whose invoice is still open (0)",
        "Every canceled appointment's invoice is closed.",
        "",
      ].join("\n"),
    );
  });

  it("lists items with their link in the workspace's zone, and says how many more Handoff holds", () => {
    const rendered = renderSyncReview(busy);
    expect(rendered.subject).toBe("Sync review 2 Mar – 9 Mar: 3 failed syncs");
    expect(rendered.text).toContain(
      '- Tue 3 Mar, 14:02 · Bookings · Booking: <script>alert("x")</script> · Needs attention\n' +
        "  Stripe said: amount < 0\n  https://h.test/runs/run-1\n…and 2 more in Handoff.",
    );
  });

  it("escapes everything customers and providers wrote in the HTML body", () => {
    const { html } = renderSyncReview(busy);
    expect(html).not.toContain("<script>");
    expect(html).toContain("Roe &amp; Sons &lt;Dental&gt;");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain('<a href="https://h.test/runs/run-1">');
    expect(html).toContain("<small>Stripe said: amount &lt; 0</small>");
  });
});
