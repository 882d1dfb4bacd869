import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HubspotState,
  type MailState,
  type StripeInvoice,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

describe("template invoice-paid-to-deal-and-thanks, from payments on a booking's invoice", () => {
  let harness: TemplateHarness;
  let bookingFlowId: string;
  let paymentFlowId: string;
  let invoice: StripeInvoice;

  const mailTo = async (address: string) =>
    (await harness.state<MailState>("mail")).messages.filter((message) =>
      message.to.some((to) => to.address === address),
    );

  beforeAll(async () => {
    harness = await startTemplateHarness("payment-template");
    bookingFlowId = (
      await harness.install("booking-to-contact-and-invoice", {
        fields: {
          taxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
          couponId: STRIPE_SANDBOX_COUPON_10_PERCENT,
          deposit: "{{ $roundHalfUp(trigger.booking.priceMinorUnits * 0.3) }}",
        },
      })
    ).flowId;
    paymentFlowId = (await harness.install("invoice-paid-to-deal-and-thanks")).flowId;
    const start = new Date(Date.now() + 5 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    await harness.cli([
      "sandbox",
      "calcom",
      "book",
      "--email",
      "jane.roe@example.com",
      "--name",
      "Jane Roe",
      "--start",
      start.toISOString(),
      "--tz",
      "Europe/Paris",
      "--service",
      "colour",
      "--phone",
      "+33612345678",
    ]);
    expect((await harness.waitForRuns(bookingFlowId, 1)).map((run) => run.status)).toEqual(["succeeded"]);
    const [draft] = (await harness.state<StripeState>("stripe")).invoices;
    // The office manager checks the draft and finalizes it in Stripe: it gets its number and goes out.
    invoice = await harness.api<StripeInvoice>("stripe", "POST", `/v1/invoices/${draft?.id}/finalize`);
    expect(invoice).toMatchObject({ status: "open", total: 9180 });
  }, 180_000);

  afterAll(() => harness?.close());

  it("a deposit: the deal is marked partially paid in its stage, the payment logged, and the customer thanked with what remains", async () => {
    await harness.cli(["sandbox", "stripe", "pay", invoice.id, "--amount", "2550"]);
    const [run] = await harness.waitForRuns(paymentFlowId, 1);
    expect(run?.status).toBe("succeeded");
    expect(run?.trigger).toMatchObject({ lifecycle: "partially_paid", paymentAmount: 2550 });

    const hubspot = await harness.state<HubspotState>("hubspot");
    expect(hubspot.contacts).toHaveLength(1);
    expect(hubspot.deals).toHaveLength(1);
    expect(hubspot.deals[0]?.properties).toMatchObject({
      dealstage: "appointmentscheduled",
      payment_status: "partially_paid",
      amount_paid: "25.50",
      amount_remaining: "66.30",
    });
    expect(hubspot.notes).toHaveLength(1);
    const note = hubspot.notes[0]?.properties.hs_note_body ?? "";
    expect(note).toContain(`Partially paid: 25.50 EUR received on invoice ${invoice.number}.`);
    expect(note).toContain(
      "Total 91.80 EUR (tax 15.30 EUR, discount 8.50 EUR, deposit 25.50 EUR); paid 25.50 EUR, remaining 66.30 EUR",
    );
    const links = hubspot.associations.filter((link) => link.fromType === "notes").map((link) => link.toType);
    expect(links.sort()).toEqual(["contacts", "deals"]);

    const [thanks, ...more] = (await mailTo("jane.roe@example.com")).filter((mail) =>
      mail.subject?.startsWith("Thank"),
    );
    expect(more).toEqual([]);
    expect(thanks?.subject).toBe(`Thank you for your payment on invoice ${invoice.number}`);
    expect(thanks?.from.map((from) => from.address)).toEqual(["marie@salon-lumiere.example"]);
    expect(thanks?.text).toContain(`Thank you: we received your payment of 25.50 EUR for invoice ${invoice.number}.`);
    expect(thanks?.text).toMatch(/For your Colour on \w{3} \d{1,2} \w{3} \d{4} 1[01]:00 \(Europe\/Paris\)\./);
    expect(thanks?.text).toMatch(/Still to pay: 66\.30 EUR, due \d{1,2} \w{3} \d{4}\./);
  }, 90_000);

  it("the rest: the deal is paid and won, the payment logged, the customer thanked for paying in full — one run per payment", async () => {
    await harness.cli(["sandbox", "stripe", "pay", invoice.id]);
    const runs = await harness.waitForRuns(paymentFlowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    expect(runs[1]?.trigger).toMatchObject({ lifecycle: "paid" });
    const deals = (await harness.state<HubspotState>("hubspot")).deals;
    expect(deals).toHaveLength(1);
    expect(deals[0]?.properties).toMatchObject({
      dealstage: "closedwon",
      payment_status: "paid",
      amount_paid: "91.80",
      amount_remaining: "0.00",
    });
    const notes = (await harness.state<HubspotState>("hubspot")).notes.map((note) => note.properties.hs_note_body);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toContain(`Paid in full: 91.80 EUR paid on invoice ${invoice.number}.`);
    expect(notes[1]).toContain("paid 91.80 EUR, remaining 0.00 EUR");
    const thanks = (await mailTo("jane.roe@example.com")).filter((mail) => mail.subject?.startsWith("Thank"));
    expect(thanks.map((mail) => mail.subject)).toEqual([
      `Thank you for your payment on invoice ${invoice.number}`,
      `Thank you — invoice ${invoice.number} is paid`,
    ]);
    expect(thanks[1]?.text).toContain(`Thank you: invoice ${invoice.number} is now paid in full (91.80 EUR).`);
    expect(thanks[1]?.text).not.toContain("Still to pay");
    const paid = (await harness.state<StripeState>("stripe")).invoices.find((candidate) => candidate.id === invoice.id);
    expect(paid).toMatchObject({ status: "paid", amount_paid: 9180, amount_remaining: 0 });
  }, 90_000);

  it("acknowledges a re-delivered payment webhook without running it again", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=stripe`)).json()) as {
      id: string;
      event: string;
    }[];
    const paidEvent = deliveries.filter((delivery) => delivery.event === "invoice.paid").at(-1);
    expect(paidEvent).toBeDefined();
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${paidEvent?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(paymentFlowId)).toHaveLength(2);
    expect((await harness.state<HubspotState>("hubspot")).notes).toHaveLength(2);
  });
});
