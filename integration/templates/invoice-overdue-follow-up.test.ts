import { STRIPE_SANDBOX_COUPON_10_PERCENT, STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CrmRecord,
  type HubspotState,
  type MailState,
  type StripeInvoice,
  type StripeState,
  startTemplateHarness,
  type TemplateHarness,
} from "./support";

type IssuedInvoice = StripeInvoice & { hosted_invoice_url: string; invoice_pdf: string };

/** "4 December 2026": how the reminder writes a Stripe due date (UTC, the flow's zone). */
const longDate = (unixSeconds: number) =>
  new Date(unixSeconds * 1000).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

describe("template invoice-overdue-follow-up, from an invoice going overdue to a CRM task and a reminder", () => {
  let harness: TemplateHarness;
  let flowId: string;
  let jane: IssuedInvoice;

  beforeAll(async () => {
    harness = await startTemplateHarness("overdue-template");
    const installed = await harness.install("invoice-overdue-follow-up", {
      fields: { sender: "Salon Lumière <billing@salon-lumiere.example>" },
    });
    expect(installed).toMatchObject({ publishedVersion: 1, subscription: "subscribed" });
    flowId = installed.flowId;
  }, 120_000);

  afterAll(() => harness?.close());

  it("Jane's part-paid invoice goes overdue: her existing contact gets one task, she gets one reminder", async () => {
    await harness.cli([
      "sandbox",
      "hubspot",
      "create-contact",
      "--email",
      "jane.roe@example.com",
      "--firstname",
      "Jane",
      "--lastname",
      "Roe",
    ]);
    jane = await harness.cli<IssuedInvoice>([
      "sandbox",
      "stripe",
      "issue-invoice",
      "--email",
      "jane.roe@example.com",
      "--name",
      "Jane Roe",
      "--phone",
      "+33612345678",
      "--description",
      "Colour",
      "--amount",
      "8500",
      "--tax-rate",
      STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE,
      "--coupon",
      STRIPE_SANDBOX_COUPON_10_PERCENT,
      "--days-until-due",
      "7",
    ]);
    // 85.00 − 10 % = 76.50, + 20 % VAT (15.30) = 91.80; she pays 30.00 of it.
    expect(jane).toMatchObject({ status: "open", total: 9180 });
    await harness.cli(["sandbox", "stripe", "pay", jane.id, "--amount", "3000"]);
    const overdue = await harness.cli<IssuedInvoice>(["sandbox", "stripe", "overdue", jane.id, "--days-late", "2"]);
    const dueOn = longDate(overdue.due_date ?? 0);
    expect((Date.now() / 1000 - (overdue.due_date ?? 0)) / 86_400).toBeCloseTo(2, 1);

    const [run] = await harness.waitForRuns(flowId, 1);
    expect(run?.status).toBe("succeeded");
    expect(run?.trigger).toMatchObject({ lifecycle: "overdue", invoice: { id: jane.id, amountRemaining: 6180 } });

    const hubspot = await harness.state<HubspotState>("hubspot");
    expect(hubspot.contacts).toHaveLength(1);
    const contact = hubspot.contacts[0] as CrmRecord;
    // Found by e-mail, not re-created; the blank phone filled from the invoice.
    expect(contact.properties).toMatchObject({ email: "jane.roe@example.com", phone: "+33612345678" });
    expect(hubspot.tasks).toHaveLength(1);
    const task = hubspot.tasks[0] as CrmRecord;
    expect(task.properties).toMatchObject({
      hs_task_subject: `Overdue: invoice ${jane.number}, 61.80 EUR due`,
      hs_task_priority: "HIGH",
      hs_task_status: "NOT_STARTED",
    });
    const body = task.properties.hs_task_body ?? "";
    expect(body).toContain(`Invoice ${jane.number} for Jane Roe was due on ${dueOn}.`);
    expect(body).toContain("Amount due: 61.80 EUR of 91.80 EUR (paid so far: 30.00 EUR).");
    expect(body).toContain("Phone: +33612345678.");
    expect(body).toContain(`Stripe customer: ${jane.customer}. Status: open.`);
    expect(body).toContain(`Invoice: ${jane.hosted_invoice_url}`);
    const overdueAt = Number(run?.trigger.created);
    expect(Date.parse(task.properties.hs_timestamp ?? "")).toBe((overdueAt + 86_400) * 1000);
    expect(hubspot.associations).toEqual(
      expect.arrayContaining([expect.objectContaining({ fromType: "tasks", fromId: task.id, toId: contact.id })]),
    );

    const stripe = await harness.state<StripeState>("stripe");
    expect(stripe.customers).toHaveLength(1);
    expect(stripe.invoices).toHaveLength(1);
    // The reminder changes nothing in Stripe: the invoice stays open with what remains.
    expect(stripe.invoices[0]).toMatchObject({ status: "open", amount_paid: 3000, amount_remaining: 6180 });

    const mail = (await harness.state<MailState>("mail")).messages;
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to.map((to) => to.address)).toEqual(["jane.roe@example.com"]);
    expect(mail[0]?.from.map((from) => from.address)).toEqual(["billing@salon-lumiere.example"]);
    expect(mail[0]?.subject).toBe(`Reminder: invoice ${jane.number} was due on ${dueOn}`);
    const text = mail[0]?.text ?? "";
    expect(text).toContain("Hello Jane Roe,");
    expect(text).toContain("Total: 91.80 EUR (tax 15.30 EUR, discount 8.50 EUR)");
    expect(text).toContain("Already paid: 30.00 EUR");
    expect(text).toContain("Amount due: 61.80 EUR");
    // The invoicing tool's own page and PDF, never a copy of the document.
    expect(text).toContain(`You can see and pay the invoice here: ${jane.hosted_invoice_url}`);
    expect(text).toContain(`PDF: ${jane.invoice_pdf}`);
  }, 90_000);

  it("a re-delivered overdue event, or the invoice noticed overdue again, starts no second run", async () => {
    const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=stripe`)).json()) as {
      id: string;
    }[];
    expect(deliveries).toHaveLength(1);
    await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${deliveries[0]?.id}/resend`, { method: "POST" });
    await harness.sandbox.context.outbox.idle();
    await harness.cli(["sandbox", "stripe", "overdue", jane.id]);
    await harness.sandbox.context.outbox.idle();
    expect(await harness.runs(flowId)).toHaveLength(1);
    expect((await harness.state<HubspotState>("hubspot")).tasks).toHaveLength(1);
    expect((await harness.state<MailState>("mail")).messages).toHaveLength(1);
  });

  it("Sam, who is not in the CRM yet, gets a contact created once, a task and a reminder", async () => {
    const sam = await harness.cli<IssuedInvoice>([
      "sandbox",
      "stripe",
      "issue-invoice",
      "--email",
      "Sam.Lee@Example.com",
      "--name",
      "Sam Lee",
      "--description",
      "Haircut",
      "--amount",
      "4500",
    ]);
    await harness.cli(["sandbox", "stripe", "overdue", sam.id]);
    const runs = await harness.waitForRuns(flowId, 2);
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);

    const hubspot = await harness.state<HubspotState>("hubspot");
    const sams = hubspot.contacts.filter((contact) => contact.properties.email === "sam.lee@example.com");
    expect(sams).toHaveLength(1);
    expect(sams[0]?.properties).toMatchObject({ firstname: "Sam", lastname: "Lee" });
    expect(hubspot.contacts).toHaveLength(2);
    expect(hubspot.tasks.map((task) => task.properties.hs_task_subject)).toEqual(
      expect.arrayContaining([`Overdue: invoice ${sam.number}, 45.00 EUR due`]),
    );
    expect(
      hubspot.tasks.find((task) => task.properties.hs_task_subject?.includes(sam.number ?? "?"))?.properties
        .hs_task_body,
    ).toContain("No deposit on this invoice.");

    const mail = (await harness.state<MailState>("mail")).messages;
    expect(mail).toHaveLength(2);
    const reminder = mail.find((message) => message.to.some((to) => to.address === "sam.lee@example.com"));
    expect(reminder?.text).toContain("Amount due: 45.00 EUR");
    expect(reminder?.text).toContain("Total: 45.00 EUR (tax 0.00 EUR, discount 0.00 EUR)");
    expect((await harness.state<StripeState>("stripe")).customers).toHaveLength(2);
  }, 90_000);
});
