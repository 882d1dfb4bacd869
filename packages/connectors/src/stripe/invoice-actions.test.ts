import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDraftInvoiceAction } from "./create-draft-invoice";
import { finalizeAndSendInvoiceAction } from "./finalize-and-send-invoice";
import { getInvoiceAction } from "./get-invoice";
import { markInvoicePaidAction } from "./mark-invoice-paid";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";
import { voidInvoiceAction } from "./void-invoice";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

const connection = () => sandboxConnection(sandbox);

async function draft(props: Record<string, unknown> = {}): Promise<string> {
  const customer = await stripeApi(sandbox, "POST", "/v1/customers", { email: "jane.roe@example.com" });
  const { output } = await runAction(createDraftInvoiceAction, {
    props: { customerId: customer.id, lines: [{ description: "Haircut", unitAmount: 5400 }], ...props },
    connection: connection(),
    idempotencyKey: `setup:${Math.random()}`,
  });
  return output.invoiceId;
}

async function open(): Promise<string> {
  const invoiceId = await draft();
  await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/finalize`);
  return invoiceId;
}

const eventTypes = async (): Promise<string[]> =>
  ((await sandboxState(sandbox)).events as Json[]).map((event) => event.type);

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("finalize-and-send-invoice", () => {
  const run = (invoiceId: string, idempotencyKey = "run-1:send") =>
    runAction(finalizeAndSendInvoiceAction, { props: { invoiceId }, connection: connection(), idempotencyKey });

  it("finalizes a draft and sends it, returning its number and document links", async () => {
    const invoiceId = await draft();
    const { output } = await run(invoiceId);
    expect(output).toMatchObject({ invoiceId, status: "open", sent: true, amountDue: 5400 });
    expect(output.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    expect(output.hostedInvoiceUrl).toContain(`/stripe/i/`);
    expect(output.invoicePdf).toMatch(/\/pdf\?s=ap$/);
    const types = await eventTypes();
    expect(types.filter((type) => type === "invoice.finalized" || type === "invoice.sent")).toEqual([
      "invoice.finalized",
      "invoice.sent",
    ]);
  });

  it("only sends an invoice already finalized, and sends once when the step runs twice", async () => {
    const invoiceId = await open();
    await run(invoiceId);
    await run(invoiceId);
    const posts = (await sandboxRequests(sandbox)).filter((request) => request.method === "POST");
    const transitions = posts.map((request) => request.path).filter((path) => /\/(finalize|send)$/.test(path));
    expect(transitions).toEqual([
      `/v1/invoices/${invoiceId}/finalize`,
      `/v1/invoices/${invoiceId}/send`,
      `/v1/invoices/${invoiceId}/send`,
    ]);
    expect((await eventTypes()).filter((type) => type === "invoice.sent")).toHaveLength(1);
  });

  it("finalizes without sending an invoice Stripe charges itself", async () => {
    const invoiceId = await draft({ collectionMethod: "charge_automatically" });
    const { output } = await run(invoiceId);
    expect(output).toMatchObject({ status: "open", sent: false });
  });

  it("refuses a void invoice, and does not re-send a paid one", async () => {
    const voided = await open();
    await stripeApi(sandbox, "POST", `/v1/invoices/${voided}/void`);
    const error = await failure(run(voided));
    expect(error).toMatchObject({ code: "validation", kind: "final" });
    expect(error.message).toContain("is void: only draft and open invoices can be sent");
    const paid = await open();
    await stripeApi(sandbox, "POST", `/v1/invoices/${paid}/pay`, { paid_out_of_band: "true" });
    expect((await run(paid, "run-2:send")).output).toMatchObject({ status: "paid", sent: false });
  });
});

describe("void-invoice", () => {
  const run = (invoiceId: string) =>
    runAction(voidInvoiceAction, { props: { invoiceId }, connection: connection(), idempotencyKey: "run-1:void" });

  it("voids an open invoice, and answers already_void the second time", async () => {
    const invoiceId = await open();
    expect((await run(invoiceId)).output).toMatchObject({ invoiceId, status: "void", outcome: "voided" });
    expect((await run(invoiceId)).output).toMatchObject({ status: "void", outcome: "already_void" });
    expect((await eventTypes()).filter((type) => type === "invoice.voided")).toHaveLength(1);
  });

  it("deletes a draft, which Stripe cannot void", async () => {
    const invoiceId = await draft();
    expect((await run(invoiceId)).output).toMatchObject({ invoiceId, status: null, outcome: "deleted" });
    expect((await sandboxState(sandbox)).invoices).toEqual([]);
  });

  it("refuses a paid invoice", async () => {
    const invoiceId = await open();
    await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/pay`, { paid_out_of_band: "true" });
    const error = await failure(run(invoiceId));
    expect(error.message).toContain("refund the payment in Stripe instead");
  });
});

describe("mark-invoice-paid", () => {
  const run = (invoiceId: string) =>
    runAction(markInvoicePaidAction, { props: { invoiceId }, connection: connection(), idempotencyKey: "run-1:paid" });

  it("marks an open invoice paid out of band, once", async () => {
    const invoiceId = await open();
    expect((await run(invoiceId)).output).toMatchObject({
      status: "paid",
      amountPaid: 5400,
      amountRemaining: 0,
      alreadyPaid: false,
    });
    expect((await run(invoiceId)).output).toMatchObject({ status: "paid", alreadyPaid: true });
    expect((await eventTypes()).filter((type) => type === "invoice.paid")).toHaveLength(1);
  });

  it("asks for a draft to be finalized first", async () => {
    const error = await failure(run(await draft()));
    expect(error.message).toContain("finalize it before marking it paid");
  });
});

describe("get-invoice", () => {
  it("reads the invoice's amounts and links", async () => {
    const invoiceId = await open();
    const { output } = await runAction(getInvoiceAction, { props: { invoiceId }, connection: connection() });
    expect(output).toMatchObject({ invoiceId, status: "open", currency: "EUR", total: 5400, amountRemaining: 5400 });
    expect(output.invoice).toMatchObject({ id: invoiceId, object: "invoice" });
    expect(getInvoiceAction.sideEffect).toBe(false);
  });
});
