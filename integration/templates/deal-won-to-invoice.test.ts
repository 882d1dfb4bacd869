import { STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { replayRun } from "@handoff/services";
import { getTemplate } from "@handoff/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CrmRecord,
  type HubspotState,
  type StripeInvoice,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

type StripeEvents = { events: { type: string; data: { object: { id: string } } }[] };

// Runs once the template is registered: it reads deals and contacts with HubSpot's get-deal and
// get-contact actions.
describe.skipIf(!getTemplate("deal-won-to-invoice"))("template deal-won-to-invoice, from a won deal to Stripe", () => {
  let harness: TemplateHarness;
  let flowId: string;
  let annDeal: string;

  const invoicesOf = async (dealId: string) =>
    (await harness.state<StripeState>("stripe")).invoices.filter(
      (invoice) => invoice.metadata.hubspot_deal_id === dealId,
    );
  const notesOn = async (dealId: string) => {
    const hubspot = await harness.state<HubspotState>("hubspot");
    const ids = hubspot.associations
      .filter((link) => link.fromType === "notes" && link.toType === "deals" && link.toId === dealId)
      .map((link) => link.fromId);
    return hubspot.notes.filter((note) => ids.includes(note.id));
  };

  beforeAll(async () => {
    harness = await startTemplateHarness("deal-won-template");
    const installed = await harness.install("deal-won-to-invoice", {
      fields: { taxRateId: STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE },
    });
    expect(installed).toMatchObject({ publishedVersion: 1, subscription: "subscribed" });
    flowId = installed.flowId;
  }, 120_000);

  afterAll(() => harness?.close());

  it("a won deal with a 30 % deposit: one customer, one deposit request sent, the invoice noted on the deal", async () => {
    const contact = await harness.cli<CrmRecord>([
      "sandbox",
      "hubspot",
      "create-contact",
      "--email",
      "ann.lee@example.com",
      "--firstname",
      "Ann",
      "--lastname",
      "Lee",
      "--phone",
      "+33698765432",
    ]);
    const deal = await harness.cli<CrmRecord>([
      "sandbox",
      "hubspot",
      "create-deal",
      "--name",
      "Wedding hair and make-up",
      "--amount",
      "1200",
      "--deposit",
      "30%",
      "--contact",
      contact.id,
    ]);
    annDeal = deal.id;
    // Created in an open stage: recorded, but only Closed won starts the flow.
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(flowId)).toEqual([]);

    await harness.cli(["sandbox", "hubspot", "win-deal", deal.id]);
    const [run] = await harness.waitForRuns(flowId, 1);
    expect(run?.status).toBe("succeeded");

    const stripe = await harness.state<StripeState>("stripe");
    expect(stripe.customers).toHaveLength(1);
    expect(stripe.customers[0]).toMatchObject({ email: "ann.lee@example.com", name: "Ann Lee", phone: "+33698765432" });
    expect(stripe.invoices).toHaveLength(1);
    const invoice = stripe.invoices[0] as StripeInvoice & { hosted_invoice_url: string };
    // 30 % of 1,200.00 EUR = 360.00, + 20 % VAT (72.00) = 432.00; finalized and sent.
    expect(invoice).toMatchObject({
      status: "open",
      customer: stripe.customers[0]?.id,
      currency: "eur",
      subtotal: 36_000,
      total: 43_200,
      amount_remaining: 43_200,
      total_taxes: [expect.objectContaining({ amount: 7200 })],
      description:
        "Deposit of 360.00 EUR of 1200.00 EUR for Wedding hair and make-up, before tax; the balance of 840.00 EUR is invoiced later.",
      metadata: expect.objectContaining({
        deposit_amount: "36000",
        deposit_of_amount: "120000",
        handoff_invoice_kind: "deposit",
        handoff_dedupe_key: `hubspot-deal:${deal.id}`,
        hubspot_deal_id: deal.id,
        hubspot_contact_id: contact.id,
        customer_email: "ann.lee@example.com",
      }),
    });
    expect(invoice.lines.data.map((line) => [line.description, line.amount])).toEqual([
      ["Deposit (30%) for Wedding hair and make-up", 36_000],
    ]);
    const { events } = await harness.state<StripeEvents>("stripe");
    expect(events.filter((event) => event.type === "invoice.sent" && event.data.object.id === invoice.id)).toHaveLength(
      1,
    );

    const hubspot = await harness.state<HubspotState>("hubspot");
    expect(hubspot.contacts).toHaveLength(1);
    const [note] = await notesOn(deal.id);
    expect(note?.properties.hs_note_body).toBe(
      [
        `Deposit request ${invoice.number} sent to ann.lee@example.com:`,
        `432.00 EUR (tax 72.00 EUR), due ${new Date((invoice.due_date ?? 0) * 1000).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}.`,
        "Balance still to invoice: 840.00 EUR before tax.",
        `Invoice: ${invoice.hosted_invoice_url}`,
      ].join("\n"),
    );
    const { rows } = await harness.database.pool.query<{ customers: number; links: string[] }>(
      "select (select count(*)::int from customers) as customers, array(select provider from customer_links order by provider) as links",
    );
    expect(rows[0]).toEqual({ customers: 1, links: ["stripe"] });
  }, 90_000);

  it("a deal without a deposit, for someone already in Stripe: the whole amount, to the existing customer", async () => {
    const existing = await harness.api<{ id: string }>("stripe", "POST", "/v1/customers", {
      email: "bo@example.com",
      name: "Bo Berg",
    });
    await harness.cli(["sandbox", "hubspot", "create-contact", "--email", "bo@example.com", "--firstname", "Bo"]);
    const deal = await harness.cli<CrmRecord>([
      "sandbox",
      "hubspot",
      "create-deal",
      "--name",
      "Balayage",
      "--amount",
      "180.50",
      "--email",
      "bo@example.com",
    ]);
    await harness.cli(["sandbox", "hubspot", "win-deal", deal.id]);
    const runs = await harness.waitForRuns(flowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);

    const stripe = await harness.state<StripeState>("stripe");
    expect(stripe.customers.filter((customer) => customer.email === "bo@example.com")).toEqual([
      expect.objectContaining({ id: existing.id, name: "Bo Berg" }),
    ]);
    const [invoice] = await invoicesOf(deal.id);
    // 180.50 EUR + 20 % VAT (36.10) = 216.60, the whole amount at once.
    expect(invoice).toMatchObject({
      status: "open",
      customer: existing.id,
      subtotal: 18_050,
      total: 21_660,
      metadata: expect.objectContaining({ handoff_invoice_kind: "full" }),
    });
    expect(invoice?.metadata.deposit_amount).toBeUndefined();
    expect(invoice?.lines.data.map((line) => line.description)).toEqual(["Balayage"]);
    const [note] = await notesOn(deal.id);
    expect(note?.properties.hs_note_body).toMatch(
      /^First invoice .+ sent to bo@example\.com:\n216\.60 EUR \(tax 36\.10 EUR\)/,
    );
  }, 90_000);

  it("won again, re-delivered or replayed: still one invoice for the deal", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=hubspot`)).json()) as {
      id: string;
      body: string;
    }[];
    const won = deliveries.filter((delivery) => delivery.body.includes('"propertyValue":"closedwon"'));
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${won[0]?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(flowId)).toHaveLength(2);

    const [first] = await harness.runs(flowId);
    await replayRun({ db: harness.database.db, runId: first?.id ?? "", actorUserId: null });
    await harness.cli(["sandbox", "hubspot", "move-deal", annDeal, "--stage", "contractsent"]);
    await harness.cli(["sandbox", "hubspot", "win-deal", annDeal]);
    const runs = await harness.waitForRuns(flowId, 4);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(await invoicesOf(annDeal)).toHaveLength(1);
    expect((await harness.state<StripeState>("stripe")).invoices).toHaveLength(2);
    expect((await harness.state<StripeState>("stripe")).customers).toHaveLength(2);
  }, 120_000);
});
