import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SyncReviewView } from "./types";
import { ReviewBody } from "./weekly-review";

const RUN = "00000000-0000-4000-8000-0000000000a1";
const REPLAY = "00000000-0000-4000-8000-0000000000a2";
const CANCEL = "00000000-0000-4000-8000-0000000000c1";
const INVOICE_RUN = "00000000-0000-4000-8000-0000000000c2";

const review: SyncReviewView = {
  workspaceName: "Roe Dental",
  timeZone: "Europe/Paris",
  periodStart: "2026-03-01T23:00:00.000Z",
  periodEnd: "2026-03-08T23:00:00.000Z",
  mappingOwner: { userId: "u1", email: "books@roe.test", name: "Kim" },
  failedSyncs: [
    {
      runId: RUN,
      flowId: "f1",
      flowName: "Booking to invoice",
      status: "needs_attention",
      summary: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
      error: "Stripe refused the invoice",
      at: "2026-03-03T13:02:00.000Z",
      replayedByRunId: REPLAY,
      url: `/runs/${RUN}`,
    },
  ],
  duplicates: [],
  canceledStillOpen: [
    {
      bookingUid: "bk_open",
      runId: CANCEL,
      flowId: "f2",
      flowName: "Cancellations",
      summary: "Canceled: Sam Lee, Thu 10:00 Europe/Paris",
      canceledAt: "2026-03-05T09:00:00.000Z",
      invoiceId: "in_open",
      invoiceNumber: "INV-1",
      invoiceStatus: "open",
      invoiceRunId: INVOICE_RUN,
      url: `/runs/${CANCEL}`,
    },
  ],
  counts: { failedSyncs: 1, duplicates: 0, canceledStillOpen: 3 },
  reviewFlow: null,
};

describe("the weekly review page", () => {
  it("shows each list with its count, linking every item to its run", () => {
    const html = renderToStaticMarkup(<ReviewBody review={review} />);
    expect(html).toContain('<h2 id="review-failed">Failed syncs (1)</h2>');
    expect(html).toContain(`<a href="/runs/${RUN}">Booking: Jane Roe, Tue 14:00 Europe/Paris</a>`);
    expect(html).toContain(`<a href="/runs/${REPLAY}">replayed</a>`);
    expect(html).toContain("<td>Tue 3 Mar, 14:02</td>");
    expect(html).toContain("No duplicate customer found in this period.");
    expect(html).toContain(`<a href="/runs/${CANCEL}">Canceled: Sam Lee, Thu 10:00 Europe/Paris</a>`);
    expect(html).toContain(`<a href="/runs/${INVOICE_RUN}">INV-1</a>`);
    expect(html).toContain("Showing the first 1 of 3.");
  });

  it("offers the template when no flow e-mails the review", () => {
    const html = renderToStaticMarkup(<ReviewBody review={review} />);
    expect(html).toContain('<a href="/templates/weekly-sync-review">Email this to the mapping owner every week</a>');
  });

  it("names the mapping owner, the schedule and the flow when one does", () => {
    const html = renderToStaticMarkup(
      <ReviewBody
        review={{
          ...review,
          reviewFlow: {
            flowId: "f9",
            name: "Weekly sync review",
            active: true,
            schedule: { cron: "0 8 * * 1", timeZone: "Europe/Paris" },
          },
        }}
      />,
    );
    const text = html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");
    expect(text).toContain("Emailed to books@roe.test every Monday 08:00 by the flow 'Weekly sync review'.");
    expect(html).toContain('<a href="/flows/f9">Weekly sync review</a>');
    expect(html).not.toContain("/templates/weekly-sync-review");
  });
});
