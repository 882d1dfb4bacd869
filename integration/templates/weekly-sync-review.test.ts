import { nextFireTimes } from "@handoff/connector-sdk";
import { createFlow, createUser, fireDueSchedules, updateWorkspaceSettings } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewFixtures } from "../../packages/services/src/sync-review/review-fixtures";
import { type MailState, startTemplateHarness, type TemplateHarness } from "./support";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe("template weekly-sync-review, from Monday 08:00 to the mapping owner's inbox", () => {
  let harness: TemplateHarness;
  let flowId: string;
  /** The next Monday 08:00 in Paris: when the review is due. */
  let monday: Date;

  beforeAll(async () => {
    harness = await startTemplateHarness("weekly-review-template");
    const { database, workspaceId } = harness;
    const db = database.db;
    await database.pool.query("update workspaces set time_zone = 'Europe/Paris' where id = $1", [workspaceId]);
    const owner = await createUser({
      db,
      workspaceId,
      email: "Claire@Salon-Lumiere.example",
      password: "mapping-owner-password",
      role: "editor",
    });
    await updateWorkspaceSettings({ db, workspaceId, actorUserId: null, changes: { mappingOwnerUserId: owner.id } });

    // The week, as runs and the identity service recorded it: one booking failed to sync, the
    // identity service found two HubSpot contacts for Jane, and a canceled booking's draft stayed open.
    const { seedRun, seedStep } = reviewFixtures(database);
    const bookings = (await createFlow({ db, workspaceId, name: "Booking to invoice", actorUserId: null })).id;
    const cancellations = (await createFlow({ db, workspaceId, name: "Cancellation", actorUserId: null })).id;
    const failed = await seedRun({
      workspaceId,
      flowId: bookings,
      status: "needs_attention",
      createdAt: daysAgo(2),
      summary: "Booking: Sam Lee, Thu 10:00 Europe/Paris",
      error: { message: "Stripe refused the invoice: No such customer" },
    });
    await database.pool.query(
      `insert into identity_reviews (workspace_id, provider, keys, candidates, run_id, created_at)
       values ($1, 'hubspot', '{"email":"jane.roe@example.com"}', '[{"externalId":"101"},{"externalId":"102"}]', $2, $3)`,
      [workspaceId, failed, daysAgo(2)],
    );
    const booked = await seedRun({
      workspaceId,
      flowId: bookings,
      status: "succeeded",
      createdAt: daysAgo(4),
      businessKeys: ["bk_kim"],
    });
    await seedStep(booked, "invoice", "succeeded", { invoiceId: "in_kim", status: "draft", created: true }, daysAgo(4));
    await seedRun({
      workspaceId,
      flowId: cancellations,
      status: "succeeded",
      createdAt: daysAgo(1),
      businessKeys: ["bk_kim"],
      summary: "Canceled: Kim Park, Fri 15:00 Europe/Paris",
      payload: { lifecycle: "canceled", booking: { uid: "bk_kim" }, customer: { email: "kim@example.com" } },
    });

    const installed = await harness.install("weekly-sync-review", {
      fields: { timeZone: "Europe/Paris", sender: "Handoff <handoff@salon-lumiere.example>" },
    });
    expect(installed).toMatchObject({ publishedVersion: 1 });
    flowId = installed.flowId;
    monday = nextFireTimes("0 8 * * 1", "Europe/Paris", new Date(), 1)[0] as Date;
  }, 120_000);

  afterAll(() => harness?.close());

  it("is not due before Monday 08:00 in the workspace's zone", async () => {
    expect(
      monday.toLocaleString("en-GB", { timeZone: "Europe/Paris", weekday: "long", hour: "2-digit", minute: "2-digit" }),
    ).toBe("Monday 08:00");
    expect(await fireDueSchedules({ db: harness.database.db, now: new Date(monday.getTime() - 30 * 60_000) })).toEqual({
      fired: 0,
    });
    expect(await harness.runs(flowId)).toEqual([]);
  });

  it("on Monday 08:00 e-mails the mapping owner the failed sync, the duplicate and the canceled booking", async () => {
    // The worker's crontab calls this every minute; the test calls it as if it were Monday 08:00 in
    // Paris — 06:00 or 07:00 UTC, when a schedule in UTC would not be due yet.
    const at = new Date(monday.getTime() + 20_000);
    expect(await fireDueSchedules({ db: harness.database.db, now: at })).toEqual({ fired: 1 });
    const [run] = await harness.waitForRuns(flowId, 1);
    expect(run?.status).toBe("succeeded");
    expect(run?.trigger).toMatchObject({ scheduledFor: monday.toISOString(), timeZone: "Europe/Paris" });

    const steps = await harness.steps(run?.id ?? "");
    const review = steps.find((step) => step.node_id === "review")?.output as {
      counts: Record<string, number>;
      mappingOwnerEmail: string;
    };
    expect(review).toMatchObject({
      counts: { failedSyncs: 1, duplicates: 1, canceledStillOpen: 1 },
      mappingOwnerEmail: "claire@salon-lumiere.example",
    });

    const mail = (await harness.state<MailState>("mail")).messages;
    expect(mail).toHaveLength(1);
    const [message] = mail;
    expect(message?.to.map((to) => to.address)).toEqual(["claire@salon-lumiere.example"]);
    expect(message?.from.map((from) => from.address)).toEqual(["handoff@salon-lumiere.example"]);
    expect(message?.subject).toMatch(/^Sync review .+: 1 failed sync, 1 duplicate, 1 canceled booking still invoiced$/);
    const text = message?.text ?? "";
    expect(text).toContain("(Europe/Paris)");
    expect(text).toContain("Booking to invoice · Booking: Sam Lee, Thu 10:00 Europe/Paris · Needs attention");
    expect(text).toContain("Stripe refused the invoice: No such customer");
    expect(text).toContain("hubspot · jane.roe@example.com · 2 possible matches (open)");
    expect(text).toContain("Canceled: Kim Park, Fri 15:00 Europe/Paris · invoice in_kim (draft)");
  }, 90_000);

  it("sends it once however often the minute's tick is seen", async () => {
    expect(await fireDueSchedules({ db: harness.database.db, now: new Date(monday.getTime() + 40_000) })).toEqual({
      fired: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await harness.runs(flowId)).toHaveLength(1);
    expect((await harness.state<MailState>("mail")).messages).toHaveLength(1);
  });
});
