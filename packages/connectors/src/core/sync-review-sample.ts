import type { ActionContext } from "@handoff/connector-sdk";

// The SDK's package index does not export the report type yet; it is read off ActionContext.
type SyncReviewReport = Awaited<ReturnType<NonNullable<ActionContext<unknown>["review"]>["review"]>>;

const BASE = "https://handoff.example.com";

/** One item of each list, for the editor's data picker before any test run. */
export const SAMPLE_SYNC_REVIEW: SyncReviewReport = {
  periodStart: "2026-03-02T07:00:00.000Z",
  periodEnd: "2026-03-09T07:00:00.000Z",
  failedSyncs: [
    {
      runId: "0b5c7a52-3d0e-4b53-9a47-6f1c2e8d9a10",
      flowId: "5f0f6d1e-8a3b-4c2d-9e7f-1a2b3c4d5e6f",
      flowName: "Booking to invoice",
      status: "needs_attention",
      summary: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
      error: "Stripe refused the invoice: No such customer: 'cus_Missing'",
      at: "2026-03-03T13:02:11.000Z",
      replayedByRunId: null,
      url: `${BASE}/runs/0b5c7a52-3d0e-4b53-9a47-6f1c2e8d9a10`,
    },
  ],
  duplicates: [
    {
      kind: "identity_review",
      id: "7d9e1f20-4c3b-4a5d-8e6f-0a1b2c3d4e5f",
      provider: "hubspot",
      customer: "jane.roe@example.com",
      detail: "2 possible matches",
      status: "open",
      runId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      flowName: "Booking to invoice",
      at: "2026-03-04T09:15:00.000Z",
      url: `${BASE}/runs/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f`,
    },
  ],
  canceledStillOpen: [
    {
      bookingUid: "bk_8fJ2kLq",
      runId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
      flowId: "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
      flowName: "Cancellation voids invoice",
      summary: "Canceled: Sam Lee, Thu 10:00 Europe/Paris",
      canceledAt: "2026-03-05T08:40:00.000Z",
      invoiceId: "in_1QhJx2HandoffSample0001",
      invoiceNumber: "7F3A21C0-0001",
      invoiceStatus: "open",
      invoiceRunId: "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
      url: `${BASE}/runs/2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60`,
    },
  ],
  counts: { failedSyncs: 1, duplicates: 1, canceledStillOpen: 1 },
  subject: "Sync review 2 Mar – 9 Mar: 1 failed sync, 1 duplicate, 1 canceled booking still invoiced",
  text:
    "Sync review for 2 Mar – 9 Mar\n\nFailed syncs (1)\n- Booking to invoice · Booking: Jane Roe, Tue 14:00 " +
    `Europe/Paris · Needs attention\n  ${BASE}/runs/0b5c7a52-3d0e-4b53-9a47-6f1c2e8d9a10\n…`,
  html: "<h1>Sync review for 2 Mar – 9 Mar</h1><h2>Failed syncs (1)</h2><ul><li>…</li></ul>",
  mappingOwnerEmail: "owner@example.com",
};
