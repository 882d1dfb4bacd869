import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFirstInvoiceAction, ZCreateFirstInvoiceProps } from "./create-first-invoice";
import { depositAmountOf, ZDeposit } from "./deposit";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";

let sandbox: SandboxServer;
let customerId: string;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await resetSandbox(sandbox);
  customerId = (await stripeApi(sandbox, "POST", "/v1/customers", { email: "ann@example.com", name: "Ann Lee" })).id;
});

const run = (props: Record<string, unknown>, idempotencyKey = "run-1:invoice") =>
  runAction(createFirstInvoiceAction, {
    props: { customerId, description: "Wedding hair", amount: 120_000, ...props },
    connection: sandboxConnection(sandbox),
    idempotencyKey,
  });

describe("create-first-invoice", () => {
  it("drafts a deposit request for a percentage: one line, the deposit in metadata, the balance in the memo", async () => {
    const { output } = await run({
      deposit: "30%",
      taxRateIds: [STRIPE_SANDBOX_TAX_RATE_VAT_20_EXCLUSIVE],
      dedupeKey: "deal:2001",
      metadata: { hubspot_deal_id: "2001" },
    });
    // 30% of 1,200.00 = 360.00, + 20% VAT = 432.00.
    expect(output).toMatchObject({
      created: true,
      kind: "deposit",
      status: "draft",
      subtotal: 36_000,
      tax: 7200,
      total: 43_200,
      deposit: 36_000,
      invoicedAmount: 36_000,
      totalAmount: 120_000,
      balance: 84_000,
    });
    const [invoice] = (await sandboxState(sandbox)).invoices as Json[];
    expect(invoice.lines.data.map((line: Json) => [line.description, line.amount])).toEqual([
      ["Deposit (30%) for Wedding hair", 36_000],
    ]);
    expect(invoice.metadata).toMatchObject({
      deposit_amount: "36000",
      deposit_of_amount: "120000",
      handoff_invoice_kind: "deposit",
      handoff_dedupe_key: "deal:2001",
      hubspot_deal_id: "2001",
    });
    expect(invoice.description).toBe(
      "Deposit of 360.00 EUR of 1200.00 EUR for Wedding hair, before tax; the balance of 840.00 EUR is invoiced later.",
    );
  });

  it("drafts the whole amount when no deposit is asked (an empty CRM property included)", async () => {
    const { output } = await run({ deposit: "" });
    expect(output).toMatchObject({ kind: "full", total: 120_000, deposit: null, invoicedAmount: 120_000, balance: 0 });
    const [invoice] = (await sandboxState(sandbox)).invoices as Json[];
    expect(invoice.lines.data.map((line: Json) => line.description)).toEqual(["Wedding hair"]);
    expect(invoice.metadata.handoff_invoice_kind).toBe("full");
    expect(invoice.metadata.deposit_amount).toBeUndefined();
  });

  it("takes a fixed deposit in cents, and a replayed run finds the invoice by its dedupe key", async () => {
    const first = await run({ deposit: 15_000, dedupeKey: "deal:7" }, "run-1:invoice");
    const replay = await run({ deposit: 15_000, dedupeKey: "deal:7" }, "run-2:invoice");
    expect(first.output).toMatchObject({ kind: "deposit", total: 15_000, balance: 105_000, created: true });
    expect(replay.output).toMatchObject({ invoiceId: first.output.invoiceId, created: false });
    const [line] = (await sandboxState(sandbox)).invoices[0].lines.data as Json[];
    expect(line.description).toBe("Deposit for Wedding hair");
    expect((await sandboxState(sandbox)).invoices).toHaveLength(1);
  });

  it("refuses a deposit it cannot read, or more than the amount, naming the prop", () => {
    const base = { customerId: "cus_1", description: "Cut", amount: 5000 };
    const issues = (deposit: unknown) =>
      ZCreateFirstInvoiceProps.safeParse({ ...base, deposit }).error?.issues.map((issue) => [
        issue.path.join("."),
        issue.message,
      ]);
    expect(issues("150%")).toEqual([["deposit", "a deposit cannot be more than 100% of the amount"]]);
    expect(issues("half")?.[0]?.[1]).toContain('"30%"');
    expect(issues(6000)).toEqual([["deposit", "the deposit (6000) is more than the amount (5000)"]]);
    expect(issues("0%")).toBeUndefined();
  });

  it("rounds a percentage half up, once", () => {
    const percent = (value: string) => {
      const parsed = ZDeposit.parse(value);
      if (!parsed) throw new Error("no deposit");
      return parsed;
    };
    expect(depositAmountOf(percent("30%"), 123_455)).toBe(37_037);
    expect(depositAmountOf(percent("12.5%"), 101)).toBe(13);
    expect(depositAmountOf(percent("100%"), 4999)).toBe(4999);
  });
});
