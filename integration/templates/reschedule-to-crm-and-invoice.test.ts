import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HubspotState,
  type StripeInvoice,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

const INVOICE_FIELDS = {
  taxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
  couponId: STRIPE_SANDBOX_COUPON_10_PERCENT,
  deposit: "{{ $roundHalfUp(trigger.booking.priceMinorUnits * 0.3) }}",
};

const slot = (days: number, hourUtc: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString();
};
const unix = (iso: string) => Date.parse(iso) / 1000;

describe("template reschedule-to-crm-and-invoice, moving a booked appointment", () => {
  let harness: TemplateHarness;
  let rescheduleFlowId: string;
  let uid: string;
  /** The invoice the booking flow drafted: every move must keep this very invoice. */
  let bookedInvoice: StripeInvoice;

  /** The appointment's invoices that still count (a replaced draft is gone, a voided one would stay). */
  const liveInvoices = async () =>
    (await harness.state<StripeState>("stripe")).invoices.filter((invoice) => invoice.status !== "void");
  const hubspot = () => harness.state<HubspotState>("hubspot");
  const reschedule = async (start: string) => {
    uid = (await harness.cli<{ uid: string }>(["sandbox", "calcom", "reschedule", uid, "--start", start])).uid;
  };

  beforeAll(async () => {
    harness = await startTemplateHarness("reschedule-template");
    const booking = await harness.install("booking-to-contact-and-invoice", { fields: INVOICE_FIELDS });
    const installed = await harness.install("reschedule-to-crm-and-invoice", { fields: INVOICE_FIELDS });
    rescheduleFlowId = installed.flowId;
    uid = (
      await harness.cli<{ uid: string }>([
        "sandbox",
        "calcom",
        "book",
        "--email",
        "jane.roe@example.com",
        "--name",
        "Jane Roe",
        "--start",
        slot(3, 13),
        "--tz",
        "Europe/Paris",
        "--service",
        "colour",
      ])
    ).uid;
    expect((await harness.waitForRuns(booking.flowId, 1)).map((run) => run.status)).toEqual(["succeeded"]);
    [bookedInvoice] = (await liveInvoices()) as [StripeInvoice];
  }, 180_000);

  afterAll(() => harness?.close());

  it("moves the task and the deal, and re-dates the draft in place: the same invoice, same amounts", async () => {
    const original = bookedInvoice;
    const newStart = slot(6, 8);
    await reschedule(newStart);
    const [run] = await harness.waitForRuns(rescheduleFlowId, 1);
    expect(run?.status).toBe("succeeded");

    const invoices = await liveInvoices();
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices as [StripeInvoice];
    expect(invoice).toMatchObject({
      id: original.id,
      status: "draft",
      due_date: unix(newStart),
      subtotal: 8500,
      total: 9180,
      description: expect.stringMatching(/^Colour on \w{3} \d{1,2} \w{3} \d{4} (09|10):00 \(Europe\/Paris\)$/),
      // Every key the booking wrote is kept (its CRM ids, deposit, dedupe key); the appointment's moved.
      metadata: {
        ...original.metadata,
        booking_uid: uid,
        appointment_start: expect.stringMatching(/T(09|10):00:00\+0[12]:00$/),
        appointment_time_zone: "Europe/Paris",
      },
    });
    expect(invoice.due_date).not.toBe(original.due_date);
    expect(invoice.metadata.appointment_start).not.toBe(original.metadata.appointment_start);
    expect(invoice.metadata.hubspot_task_id).toMatch(/^\d+$/);
    expect(invoice.lines.data.map((line) => line.description)).toEqual([
      expect.stringMatching(/^Colour — \w{3} \d{1,2} \w{3} \d{4} (09|10):00 \(Europe\/Paris\), 90 min$/),
    ]);

    const crm = await hubspot();
    expect(crm.tasks).toHaveLength(1);
    expect(crm.deals).toHaveLength(1);
    expect(crm.tasks[0]?.properties.hs_timestamp).toBe(newStart);
    expect(crm.tasks[0]?.properties.hs_task_body).toMatch(
      /Moved from: \w{3} \d{1,2} \w{3} \d{4} 1[45]:00 \(Europe\/Paris\)/,
    );
    expect(crm.deals[0]?.properties).toMatchObject({ closedate: newStart, dealstage: "appointmentscheduled" });
    expect(crm.deals[0]?.properties.dealname).toMatch(/^Colour — Jane Roe — .+ (09|10):00$/);
  }, 90_000);

  it("a second move still leaves the one invoice, dated for the latest time", async () => {
    const latest = slot(8, 15);
    await reschedule(latest);
    const runs = await harness.waitForRuns(rescheduleFlowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    const invoices = await liveInvoices();
    expect(invoices.map((invoice) => [invoice.id, invoice.status, invoice.due_date, invoice.total])).toEqual([
      [bookedInvoice.id, "draft", unix(latest), 9180],
    ]);
    expect(invoices[0]?.metadata).toMatchObject({ booking_uid: uid, appointment_time_zone: "Europe/Paris" });
    // Never deleted and drafted again: Stripe saw one invoice made, for the booking.
    const { events } = await harness.state<{ events: { type: string }[] }>("stripe");
    expect(events.filter((event) => event.type === "invoice.created")).toHaveLength(1);
    expect(events.filter((event) => event.type === "invoice.deleted")).toHaveLength(0);
    expect((await hubspot()).tasks.map((task) => task.properties.hs_timestamp)).toEqual([latest]);
  }, 90_000);

  it("acknowledges a re-delivered reschedule webhook without running it again", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=calcom`)).json()) as {
      id: string;
      event: string;
    }[];
    const moved = deliveries.filter((delivery) => delivery.event === "BOOKING_RESCHEDULED").at(-1);
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${moved?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(rescheduleFlowId)).toHaveLength(2);
    expect(await liveInvoices()).toHaveLength(1);
  });

  it("leaves an invoice already sent as it is, moves the CRM task and notes the invoice on it", async () => {
    const [draft] = await liveInvoices();
    const sent = await harness.api<StripeInvoice>("stripe", "POST", `/v1/invoices/${draft?.id}/finalize`);
    const later = slot(9, 9);
    await reschedule(later);
    const runs = await harness.waitForRuns(rescheduleFlowId, 3);
    expect(runs.at(-1)?.status).toBe("succeeded");
    const invoices = await liveInvoices();
    expect(invoices.map((invoice) => [invoice.id, invoice.status, invoice.number, invoice.due_date])).toEqual([
      [sent.id, "open", sent.number, sent.due_date],
    ]);
    const [task] = (await hubspot()).tasks;
    expect(task?.properties.hs_timestamp).toBe(later);
    expect(task?.properties.hs_task_body).toMatch(
      new RegExp(
        `\nInvoice ${sent.number} is already sent and was left as it is, due \\w{3} \\d{1,2} \\w{3} \\d{4}\\.$`,
      ),
    );
  }, 90_000);
});
