import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { getSyncReview } from "./get-sync-review";
import { reviewFixtures } from "./review-fixtures";
import { lastDaysPeriod } from "./review-period";
import { createSyncReviewContext } from "./sync-review-context";

const NOW = new Date("2026-03-09T07:00:00Z");
const PERIOD = lastDaysPeriod(7, NOW);
const at = (day: string, time = "10:00") => `2026-${day}T${time}:00Z`;
const cancelPayload = (uid: string) => ({ lifecycle: "canceled", booking: { uid }, customer: { email: "x@roe.test" } });
const invoicePayload = (lifecycle: string, id: string, number: string | null, status: string, uid: string) => ({
  lifecycle,
  invoice: { id, number, status, dedupeKey: uid },
});

describe("weekly sync review over a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const { seedRun, seedStep } = reviewFixtures(database);
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental", timeZone: "Europe/Paris" })).id;
    const otherWorkspace = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    const owner = await createUser({
      db: database.db,
      workspaceId,
      email: "mapping@roe.test",
      password: "owner-password",
      role: "editor",
    });
    await database.pool.query("update workspaces set mapping_owner_user_id = $1 where id = $2", [
      owner.id,
      workspaceId,
    ]);
    const flow = async (name: string, inWorkspace = workspaceId) =>
      (await createFlow({ db: database.db, workspaceId: inWorkspace, name, actorUserId: null })).id;
    const bookings = await flow("Booking to invoice");
    const cancellations = await flow("Cancellation voids invoice");
    const invoices = await flow("Invoice events");
    const otherFlow = await flow("Other", otherWorkspace);
    const live = { workspaceId, flowId: bookings };

    // Failed syncs: two in the period; a test run, an older failure, a success and another
    // workspace's failure stay out.
    ids.needsAttention = await seedRun({
      ...live,
      status: "needs_attention",
      createdAt: at("03-03"),
      summary: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
      error: { message: "Stripe refused the invoice: No such customer" },
    });
    ids.failed = await seedRun({ ...live, status: "failed", createdAt: at("03-05"), summary: "Booking: Sam Lee" });
    ids.replay = await seedRun({ ...live, status: "succeeded", createdAt: at("03-06"), replayOf: ids.needsAttention });
    await seedRun({ ...live, status: "failed", createdAt: at("03-04"), isTest: true });
    await seedRun({ ...live, status: "failed", createdAt: at("02-25") });
    await seedRun({ ...live, status: "succeeded", createdAt: at("03-04") });
    await seedRun({ workspaceId: otherWorkspace, flowId: otherFlow, status: "failed", createdAt: at("03-04") });

    // Duplicates: a review opened in the period (an older one stays out), and a second HubSpot
    // record linked to a customer who had one (two tools for one customer is no duplicate).
    const review = await database.pool.query<{ id: string }>(
      `insert into identity_reviews (workspace_id, provider, keys, candidates, run_id, created_at)
       values ($1, 'hubspot', '{"email":"jane.roe@roe.test"}', '[{"externalId":"1"},{"externalId":"2"}]', $2, $3),
              ($1, 'hubspot', '{"email":"old@roe.test"}', '[]', null, $4)
       returning id`,
      [workspaceId, ids.needsAttention, at("03-04"), at("02-20")],
    );
    ids.review = review.rows[0]?.id ?? "";
    const customers = await database.pool.query<{ id: string }>(
      `insert into customers (workspace_id, email) values ($1, 'sam@roe.test'), ($1, 'kim@roe.test') returning id`,
      [workspaceId],
    );
    const [sam, kim] = customers.rows.map((row) => row.id);
    const links = await database.pool.query<{ id: string; external_id: string }>(
      `insert into customer_links (workspace_id, customer_id, provider, external_id, created_at)
       values ($1, $2, 'hubspot', '101', $4), ($1, $2, 'hubspot', '202', $5),
              ($1, $3, 'hubspot', '301', $5), ($1, $3, 'stripe', 'cus_kim', $5)
       returning id, external_id`,
      [workspaceId, sam, kim, at("02-01"), at("03-05")],
    );
    ids.mergedLink = links.rows.find((row) => row.external_id === "202")?.id ?? "";

    // Canceled bookings. bk_open: invoiced by its booking run, finalized, and the cancellation's
    // void step failed, canceled twice in the period → listed once, with its latest cancellation.
    const openBooking = await seedRun({
      ...live,
      status: "succeeded",
      createdAt: at("03-01"),
      businessKeys: ["bk_open"],
    });
    await seedStep(
      openBooking,
      "invoice",
      "succeeded",
      { invoiceId: "in_open", status: "draft", created: true },
      at("03-01"),
    );
    ids.openInvoiceEvent = await seedRun({
      workspaceId,
      flowId: invoices,
      status: "succeeded",
      createdAt: at("03-02", "12:00"),
      businessKeys: ["INV-1", "in_open", "bk_open"],
      payload: invoicePayload("invoiced", "in_open", "INV-1", "open", "bk_open"),
    });
    ids.firstCancel = await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "needs_attention",
      createdAt: at("03-04"),
      businessKeys: ["bk_open"],
      payload: cancelPayload("bk_open"),
    });
    await seedStep(ids.firstCancel, "void", "failed", null, at("03-04"));
    ids.openCancel = await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("03-06"),
      businessKeys: ["bk_open"],
      summary: "Canceled: Jane Roe, Thu 10:00 Europe/Paris",
      payload: cancelPayload("bk_open"),
    });

    // bk_void: the cancellation deleted the draft → closed.
    const voidBooking = await seedRun({
      ...live,
      status: "succeeded",
      createdAt: at("03-02"),
      businessKeys: ["bk_void"],
    });
    await seedStep(voidBooking, "invoice", "succeeded", { invoiceId: "in_void", status: "draft" }, at("03-02"));
    const voidCancel = await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("03-05"),
      businessKeys: ["bk_void"],
      payload: cancelPayload("bk_void"),
    });
    await seedStep(
      voidCancel,
      "void",
      "succeeded",
      { invoiceId: "in_void", status: null, outcome: "deleted" },
      at("03-05"),
    );

    // bk_paid: Stripe says the invoice was paid after the cancellation → closed.
    const paidBooking = await seedRun({
      ...live,
      status: "succeeded",
      createdAt: at("03-02"),
      businessKeys: ["bk_paid"],
    });
    await seedStep(paidBooking, "invoice", "succeeded", { invoiceId: "in_paid", status: "open" }, at("03-02"));
    await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("03-05"),
      businessKeys: ["bk_paid"],
      payload: cancelPayload("bk_paid"),
    });
    await seedRun({
      workspaceId,
      flowId: invoices,
      status: "succeeded",
      createdAt: at("03-07"),
      businessKeys: ["in_paid", "bk_paid"],
      payload: invoicePayload("paid", "in_paid", "INV-3", "paid", "bk_paid"),
    });

    // No invoice at all; canceled before the period; a test cancellation: none listed.
    await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("03-05"),
      businessKeys: ["bk_none"],
      payload: cancelPayload("bk_none"),
    });
    const oldBooking = await seedRun({
      ...live,
      status: "succeeded",
      createdAt: at("02-10"),
      businessKeys: ["bk_old"],
    });
    await seedStep(oldBooking, "invoice", "succeeded", { invoiceId: "in_old", status: "open" }, at("02-10"));
    await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("02-20"),
      businessKeys: ["bk_old"],
      payload: cancelPayload("bk_old"),
    });
    await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: at("03-05"),
      isTest: true,
      businessKeys: ["bk_open"],
      payload: cancelPayload("bk_open"),
    });
  });
  afterAll(() => database.destroy());

  it("lists exactly the failed live runs of the period, newest first, with the replay that followed", async () => {
    // The first cancellation of bk_open (below) needs attention too: its void step failed.
    const review = await getSyncReview({ db: database.db, workspaceId, period: PERIOD, publicUrl: "https://h.test/" });
    expect(review.failedSyncs).toEqual([
      {
        runId: ids.failed,
        flowId: expect.any(String),
        flowName: "Booking to invoice",
        status: "failed",
        summary: "Booking: Sam Lee",
        error: null,
        at: at("03-05").replace("Z", ".000Z"),
        replayedByRunId: null,
        url: `https://h.test/runs/${ids.failed}`,
      },
      expect.objectContaining({ runId: ids.firstCancel, flowName: "Cancellation voids invoice" }),
      expect.objectContaining({
        runId: ids.needsAttention,
        status: "needs_attention",
        error: "Stripe refused the invoice: No such customer",
        replayedByRunId: ids.replay,
      }),
    ]);
    expect(review.counts.failedSyncs).toBe(3);
  });

  it("lists the identity service's duplicates: the review it opened and the record merged into one customer", async () => {
    const review = await getSyncReview({ db: database.db, workspaceId, period: PERIOD });
    expect(review.duplicates).toEqual([
      {
        kind: "merged_link",
        id: ids.mergedLink,
        provider: "hubspot",
        customer: "sam@roe.test",
        detail: "record 202 is the same customer as 101",
        status: "linked",
        runId: null,
        flowName: null,
        at: "2026-03-05T10:00:00.000Z",
        url: null,
      },
      {
        kind: "identity_review",
        id: ids.review,
        provider: "hubspot",
        customer: "jane.roe@roe.test",
        detail: "2 possible matches",
        status: "open",
        runId: ids.needsAttention,
        flowName: "Booking to invoice",
        at: "2026-03-04T10:00:00.000Z",
        url: `/runs/${ids.needsAttention}`,
      },
    ]);
    expect(review.counts.duplicates).toBe(2);
  });

  it("lists a canceled booking once while its invoice is open, and not once voided or paid", async () => {
    const review = await getSyncReview({ db: database.db, workspaceId, period: PERIOD });
    expect(review.canceledStillOpen).toEqual([
      {
        bookingUid: "bk_open",
        runId: ids.openCancel,
        flowId: expect.any(String),
        flowName: "Cancellation voids invoice",
        summary: "Canceled: Jane Roe, Thu 10:00 Europe/Paris",
        canceledAt: "2026-03-06T10:00:00.000Z",
        invoiceId: "in_open",
        invoiceNumber: "INV-1",
        invoiceStatus: "open",
        invoiceRunId: ids.openInvoiceEvent,
        url: `/runs/${ids.openCancel}`,
      },
    ]);
    expect(review.counts.canceledStillOpen).toBe(1);
  });

  it("is handed to the review action as the report of the last days, with the mapping owner and e-mail parts", async () => {
    const context = createSyncReviewContext({
      db: database.db,
      workspaceId,
      publicUrl: "https://h.test",
      now: () => NOW,
    });
    const report = await context.review({ days: 7 });
    expect(report.periodStart).toBe("2026-03-02T07:00:00.000Z");
    expect(report.periodEnd).toBe("2026-03-09T07:00:00.000Z");
    expect(report.counts).toEqual({ failedSyncs: 3, duplicates: 2, canceledStillOpen: 1 });
    expect(report.mappingOwnerEmail).toBe("mapping@roe.test");
    expect(report.subject).toBe(
      "Sync review 2 Mar – 9 Mar: 3 failed syncs, 2 duplicates, 1 canceled booking still invoiced",
    );
    expect(report.text).toContain(`https://h.test/runs/${ids.failed}`);
    expect(report.html).toContain(`<a href="https://h.test/runs/${ids.openCancel}">`);
  });

  it("says there is nothing to review for a quiet period", async () => {
    const context = createSyncReviewContext({
      db: database.db,
      workspaceId,
      now: () => new Date("2026-01-15T07:00:00Z"),
    });
    const report = await context.review({ days: 7 });
    expect(report.counts).toEqual({ failedSyncs: 0, duplicates: 0, canceledStillOpen: 0 });
    expect(report.subject).toBe("Sync review 8 Jan – 15 Jan: nothing to review");
    expect(report.text).toContain("No sync failed.");
  });
});
