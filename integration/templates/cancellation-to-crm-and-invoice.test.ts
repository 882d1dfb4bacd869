import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { replayRun } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CrmRecord,
  type HubspotState,
  type StripeInvoice,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

const HOUR = 3_600_000;

type StripeEvents = { events: { type: string; data: { object: { metadata?: Record<string, string> } } }[] };

describe("template cancellation-to-crm-and-invoice, canceling booked appointments", () => {
  let harness: TemplateHarness;
  let cancelFlowId: string;
  let janeUid: string;
  let samUid: string;

  const invoicesOf = async (email: string) =>
    (await harness.state<StripeState>("stripe")).invoices.filter(
      (invoice) => invoice.metadata.customer_email === email,
    );
  /** The appointment's task and deal, found through the contact they are linked to. */
  const crmOf = async (email: string) => {
    const crm = await harness.state<HubspotState>("hubspot");
    const contact = crm.contacts.find((candidate) => candidate.properties.email === email);
    const linked = (type: string) =>
      crm.associations
        .filter((link) => link.fromType === type && link.toType === "contacts" && link.toId === contact?.id)
        .map((link) => link.fromId);
    const records = (all: CrmRecord[], type: string) => all.filter((record) => linked(type).includes(record.id));
    return { tasks: records(crm.tasks, "tasks"), deals: records(crm.deals, "deals") };
  };
  const book = async (email: string, name: string, start: Date, service: string) =>
    (
      await harness.cli<{ uid: string }>([
        "sandbox",
        "calcom",
        "book",
        "--email",
        email,
        "--name",
        name,
        "--start",
        start.toISOString(),
        "--tz",
        "Europe/Paris",
        "--service",
        service,
      ])
    ).uid;

  beforeAll(async () => {
    harness = await startTemplateHarness("cancellation-template");
    const booking = await harness.install("booking-to-contact-and-invoice", {
      fields: {
        taxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
        couponId: STRIPE_SANDBOX_COUPON_10_PERCENT,
      },
    });
    cancelFlowId = (
      await harness.install("cancellation-to-crm-and-invoice", {
        fields: { feeTaxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE },
      })
    ).flowId;
    const inFiveDays = new Date(Date.now() + 5 * 24 * HOUR);
    inFiveDays.setUTCHours(10, 0, 0, 0);
    const inAFewHours = new Date(Date.now() + 6 * HOUR);
    inAFewHours.setUTCMinutes(0, 0, 0);
    janeUid = await book("jane.roe@example.com", "Jane Roe", inFiveDays, "colour");
    samUid = await book("sam@example.com", "Sam Lee", inAFewHours, "haircut");
    expect((await harness.waitForRuns(booking.flowId, 2)).map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
  }, 180_000);

  afterAll(() => harness?.close());

  it("with notice: the draft invoice is removed, the task closed with the reason, the deal lost — no fee", async () => {
    await harness.cli(["sandbox", "calcom", "cancel", janeUid, "--reason", "Moving away"]);
    const [run] = await harness.waitForRuns(cancelFlowId, 1);
    expect(run?.status).toBe("succeeded");
    expect(await invoicesOf("jane.roe@example.com")).toEqual([]);
    // Found, then deleted: the cancellation drafted nothing of its own on the way.
    const { events } = await harness.state<StripeEvents>("stripe");
    const janes = (type: string) =>
      events.filter(
        (event) => event.type === type && event.data.object.metadata?.customer_email === "jane.roe@example.com",
      );
    expect(janes("invoice.created")).toHaveLength(1);
    expect(janes("invoice.deleted")).toHaveLength(1);
    const { tasks, deals } = await crmOf("jane.roe@example.com");
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.properties).toMatchObject({ hs_task_status: "COMPLETED" });
    expect(tasks[0]?.properties.hs_task_subject).toMatch(/^Canceled — Appointment: Colour with Jane Roe, /);
    expect(tasks[0]?.properties.hs_task_body).toContain("Canceled: Moving away");
    expect(deals.map((deal) => deal.properties.dealstage)).toEqual(["closedlost"]);
  }, 90_000);

  it("inside the notice period: the sent invoice is voided and the fee invoiced and sent, with tax", async () => {
    const [draft] = await invoicesOf("sam@example.com");
    const sent = await harness.api<StripeInvoice>("stripe", "POST", `/v1/invoices/${draft?.id}/finalize`);
    await harness.cli(["sandbox", "calcom", "cancel", samUid, "--reason", "Overslept"]);
    const runs = await harness.waitForRuns(cancelFlowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);

    const invoices = await invoicesOf("sam@example.com");
    expect(invoices).toHaveLength(2);
    expect(invoices.find((invoice) => invoice.id === sent.id)).toMatchObject({ status: "void", number: sent.number });
    const fee = invoices.find((invoice) => invoice.id !== sent.id);
    // Half the 45.00 EUR haircut, plus 20 % VAT: 27.00 EUR, finalized and sent to Sam.
    expect(fee).toMatchObject({
      status: "open",
      number: expect.any(String),
      subtotal: 2250,
      total: 2700,
      metadata: expect.objectContaining({ cancellation_reason: "Overslept", service: "Haircut" }),
    });
    expect(fee?.lines.data.map((line) => line.description)).toEqual([
      expect.stringMatching(/^Late cancellation — Haircut on .+ \(Europe\/Paris\)$/),
    ]);
    const { tasks, deals } = await crmOf("sam@example.com");
    expect(tasks.map((task) => task.properties.hs_task_status)).toEqual(["COMPLETED"]);
    expect(deals.map((deal) => deal.properties.dealstage)).toEqual(["closedlost"]);
  }, 90_000);

  it("a re-delivered webhook does nothing and a replay leaves one fee invoice", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=calcom`)).json()) as {
      id: string;
      event: string;
    }[];
    const canceled = deliveries.filter((delivery) => delivery.event === "BOOKING_CANCELLED").at(-1);
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${canceled?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(cancelFlowId)).toHaveLength(2);

    const late = (await harness.runs(cancelFlowId))[1];
    await replayRun({ db: harness.database.db, runId: late?.id ?? "", actorUserId: null });
    const runs = await harness.waitForRuns(cancelFlowId, 3);
    expect(runs.at(-1)?.status).toBe("succeeded");
    const invoices = await invoicesOf("sam@example.com");
    expect(invoices.map((invoice) => invoice.status).sort()).toEqual(["open", "void"]);
  }, 90_000);
});
