import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { replayRun } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CrmRecord,
  type HubspotState,
  type MailState,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

const DAY = 86_400_000;
/** Whole hours, days ahead: a slot the emulator's calendar has free. */
const slot = (days: number, hourUtc: number) => {
  const at = new Date(Date.now() + days * DAY);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString();
};

describe("template booking-to-contact-and-invoice, from a Cal.com booking to every tool", () => {
  let harness: TemplateHarness;
  let flowId: string;
  const colourAt = slot(3, 13);

  beforeAll(async () => {
    harness = await startTemplateHarness("booking-template");
    const installed = await harness.install("booking-to-contact-and-invoice", {
      fields: {
        taxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
        couponId: STRIPE_SANDBOX_COUPON_10_PERCENT,
        deposit: "{{ $roundHalfUp(trigger.booking.priceMinorUnits * 0.3) }}",
      },
    });
    expect(installed).toMatchObject({ publishedVersion: 1, subscription: "subscribed" });
    flowId = installed.flowId;
  }, 120_000);

  afterAll(() => harness?.close());

  it("books a colour: one contact, deal and task in HubSpot, one customer and draft invoice in Stripe, one e-mail", async () => {
    await harness.cli([
      "sandbox",
      "calcom",
      "book",
      "--email",
      "Jane.Roe@Example.com",
      "--name",
      "Jane Roe",
      "--start",
      colourAt,
      "--tz",
      "Europe/Paris",
      "--service",
      "colour",
      "--phone",
      "+33612345678",
    ]);
    const [run] = await harness.waitForRuns(flowId, 1);
    expect(run?.status).toBe("succeeded");

    const hubspot = await harness.state<HubspotState>("hubspot");
    expect(hubspot.contacts).toHaveLength(1);
    const contact = hubspot.contacts[0] as CrmRecord;
    expect(contact.properties).toMatchObject({
      email: "jane.roe@example.com",
      phone: "+33612345678",
      firstname: "Jane",
      lastname: "Roe",
    });
    expect(hubspot.deals).toHaveLength(1);
    const deal = hubspot.deals[0] as CrmRecord;
    expect(deal.properties).toMatchObject({
      dealstage: "appointmentscheduled",
      amount: "85",
      closedate: colourAt,
    });
    expect(deal.properties.dealname).toMatch(/^Colour — Jane Roe — \w{3} \d{1,2} \w{3} \d{4} \d{2}:00$/);
    expect(hubspot.tasks).toHaveLength(1);
    const task = hubspot.tasks[0] as CrmRecord;
    expect(new Date(task.properties.hs_timestamp ?? "").toISOString()).toBe(new Date(colourAt).toISOString());
    expect(task.properties.hs_task_subject).toMatch(/^Appointment: Colour with Jane Roe, .+ \(Europe\/Paris\)$/);
    expect(task.properties.hs_task_body).toContain("Service: Colour, 90 min");
    expect(task.properties.hs_task_body).toContain("With: Marie Dupont");
    const links = hubspot.associations.map((link) => `${link.fromType}:${link.fromId}->${link.toType}:${link.toId}`);
    expect(links).toEqual(
      expect.arrayContaining([
        `deals:${deal.id}->contacts:${contact.id}`,
        `tasks:${task.id}->contacts:${contact.id}`,
        `tasks:${task.id}->deals:${deal.id}`,
      ]),
    );

    const stripe = await harness.state<StripeState>("stripe");
    expect(stripe.customers).toHaveLength(1);
    expect(stripe.customers[0]).toMatchObject({
      email: "jane.roe@example.com",
      name: "Jane Roe",
      phone: "+33612345678",
    });
    expect(stripe.invoices).toHaveLength(1);
    const invoice = stripe.invoices[0];
    // 85.00 EUR, 10 % off (8.50), then 20 % VAT on 76.50 (15.30): 91.80 EUR; a 30 % deposit of the price.
    expect(invoice).toMatchObject({
      status: "draft",
      customer: stripe.customers[0]?.id,
      currency: "eur",
      subtotal: 8500,
      total: 9180,
      due_date: Date.parse(colourAt) / 1000,
      total_discount_amounts: [expect.objectContaining({ amount: 850 })],
      total_taxes: [expect.objectContaining({ amount: 1530 })],
      metadata: expect.objectContaining({
        deposit_amount: "2550",
        service: "Colour",
        duration_minutes: "90",
        appointment_time_zone: "Europe/Paris",
        staff_owner: "Marie Dupont",
        customer_phone: "+33612345678",
        hubspot_contact_id: contact.id,
        hubspot_deal_id: deal.id,
        hubspot_task_id: task.id,
      }),
    });
    expect(invoice?.metadata.appointment_start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\+0[12]:00$/);
    expect(invoice?.lines.data.map((line) => line.description)).toEqual([
      expect.stringMatching(/^Colour — .+ \(Europe\/Paris\), 90 min$/),
    ]);

    const mail = (await harness.state<MailState>("mail")).messages;
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to.map((to) => to.address)).toEqual(["jane.roe@example.com"]);
    expect(mail[0]?.from.map((from) => from.address)).toEqual(["marie@salon-lumiere.example"]);
    expect(mail[0]?.subject).toMatch(/^Your Colour on .+ \(Europe\/Paris\) is booked$/);
    expect(mail[0]?.text).toContain("Amount: 91.80 EUR (tax 15.30, discount 8.50)");
    expect(mail[0]?.text).toContain("A deposit of 25.50 EUR is due before the appointment.");
  }, 90_000);

  it("writes the time in the customer's own zone", async () => {
    await harness.cli([
      "sandbox",
      "calcom",
      "book",
      "--email",
      "sam@example.com",
      "--name",
      "Sam Lee",
      "--start",
      slot(4, 15),
      "--tz",
      "America/New_York",
      "--service",
      "haircut",
    ]);
    const runs = await harness.waitForRuns(flowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);
    const mail = (await harness.state<MailState>("mail")).messages;
    const sam = mail.find((message) => message.to.some((to) => to.address === "sam@example.com"));
    // 15:00 UTC is 10:00 or 11:00 in New York, whichever side of daylight saving the date is on.
    expect(sam?.subject).toMatch(
      /^Your Haircut on \w{3} \d{1,2} \w{3} \d{4} 1[01]:00 \(America\/New_York\) is booked$/,
    );
    const invoices = (await harness.state<StripeState>("stripe")).invoices;
    const samInvoice = invoices.find((invoice) => invoice.metadata.customer_email === "sam@example.com");
    expect(samInvoice?.metadata.appointment_start).toMatch(/T1[01]:00:00-0[45]:00$/);
  }, 90_000);

  it("acknowledges a re-delivered booking webhook without running it again", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=calcom`)).json()) as {
      id: string;
    }[];
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${deliveries[0]?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(flowId)).toHaveLength(2);
  });

  it("replaying Jane's run leaves one contact, one deal and one invoice for her booking", async () => {
    const [first] = await harness.runs(flowId);
    await replayRun({ db: harness.database.db, runId: first?.id ?? "", actorUserId: null });
    const runs = await harness.waitForRuns(flowId, 3);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const hubspot = await harness.state<HubspotState>("hubspot");
    const jane = hubspot.contacts.filter((contact) => contact.properties.email === "jane.roe@example.com");
    expect(jane).toHaveLength(1);
    expect(hubspot.deals.filter((deal) => deal.properties.dealname?.startsWith("Colour — Jane Roe"))).toHaveLength(1);
    const invoices = (await harness.state<StripeState>("stripe")).invoices;
    expect(invoices.filter((invoice) => invoice.metadata.customer_email === "jane.roe@example.com")).toHaveLength(1);
  }, 90_000);

  it("matches Jane booking again with a differently written e-mail: same contact and customer, a second invoice", async () => {
    await harness.cli([
      "sandbox",
      "calcom",
      "book",
      "--email",
      "JANE.ROE@example.COM",
      "--name",
      "Jane Roe",
      "--start",
      slot(10, 9),
      "--tz",
      "Europe/Paris",
      "--service",
      "haircut",
    ]);
    const runs = await harness.waitForRuns(flowId, 4);
    expect(runs.at(-1)?.status).toBe("succeeded");
    const hubspot = await harness.state<HubspotState>("hubspot");
    expect(hubspot.contacts.filter((contact) => contact.properties.email === "jane.roe@example.com")).toHaveLength(1);
    expect(hubspot.deals.filter((deal) => deal.properties.dealname?.includes("Jane Roe"))).toHaveLength(2);
    const stripe = await harness.state<StripeState>("stripe");
    expect(stripe.customers.filter((customer) => customer.email === "jane.roe@example.com")).toHaveLength(1);
    const janes = stripe.invoices.filter((invoice) => invoice.metadata.customer_email === "jane.roe@example.com");
    expect(janes.map((invoice) => invoice.subtotal).sort()).toEqual([4500, 8500]);
  }, 90_000);
});
