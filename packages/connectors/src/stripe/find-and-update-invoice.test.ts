import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDraftInvoiceAction } from "./create-draft-invoice";
import { findInvoiceAction } from "./find-invoice";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";
import { updateDraftInvoiceAction } from "./update-draft-invoice";

let sandbox: SandboxServer;
let customerId: string;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await resetSandbox(sandbox);
  customerId = (await stripeApi(sandbox, "POST", "/v1/customers", { email: "jane.roe@example.com" })).id;
});

const connection = () => sandboxConnection(sandbox);

async function draft(dedupeKey: string, metadata: Record<string, string> = {}): Promise<string> {
  const { output } = await runAction(createDraftInvoiceAction, {
    props: {
      customerId,
      lines: [{ description: "Colour — Tue 24 Nov 2026 14:00 (Europe/Paris), 90 min", unitAmount: 8500 }],
      dueDate: "2026-11-24T14:00:00+01:00",
      deposit: 3000,
      dedupeKey,
      metadata,
    },
    connection: connection(),
    idempotencyKey: `booking:${dedupeKey}`,
  });
  return output.invoiceId;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

const writes = async () => (await sandboxRequests(sandbox)).filter((request) => request.method === "POST");

describe("find-invoice", () => {
  const find = (dedupeKey: string) =>
    runAction(findInvoiceAction, { props: { customerId, dedupeKey }, connection: connection(), idempotencyKey: "k" });

  it("finds the customer's invoice by the key it was made with", async () => {
    await draft("other@Cal.com");
    const invoiceId = await draft("appt-1@Cal.com", { appointment_time_zone: "Europe/Paris" });
    const { output } = await find("appt-1@Cal.com");
    expect(output).toEqual({
      found: true,
      invoiceId,
      status: "draft",
      number: null,
      dueDate: "2026-11-24T13:00:00.000Z",
      total: 8500,
      amountDue: 8500,
      hostedInvoiceUrl: null,
      invoicePdf: null,
      metadata: expect.objectContaining({
        handoff_dedupe_key: "appt-1@Cal.com",
        appointment_time_zone: "Europe/Paris",
        deposit_amount: "3000",
      }),
    });
  });

  it("answers found=false with nulls when there is none, or only a voided one", async () => {
    const none = {
      found: false,
      invoiceId: null,
      status: null,
      number: null,
      dueDate: null,
      total: null,
      amountDue: null,
      hostedInvoiceUrl: null,
      invoicePdf: null,
      metadata: {},
    };
    expect((await find("appt-1@Cal.com")).output).toEqual(none);
    const invoiceId = await draft("appt-1@Cal.com");
    await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/finalize`);
    expect((await find("appt-1@Cal.com")).output).toMatchObject({ found: true, status: "open" });
    await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/void`);
    expect((await find("appt-1@Cal.com")).output).toEqual(none);
  });

  it("only reads, and checks its props before calling Stripe", async () => {
    const before = (await writes()).length;
    await find("appt-1@Cal.com");
    expect((await writes()).length).toBe(before);
    expect(findInvoiceAction.sideEffect).toBe(false);
    expect(findInvoiceAction.props.safeParse({ customerId: "in_1", dedupeKey: "x" }).success).toBe(false);
    expect(findInvoiceAction.props.safeParse({ customerId: "cus_1", dedupeKey: " " }).success).toBe(false);
  });
});

describe("update-draft-invoice", () => {
  const update = (props: Record<string, unknown>, idempotencyKey = "run-2:update") =>
    runAction(updateDraftInvoiceAction, { props, connection: connection(), idempotencyKey });

  it("re-dates a draft in place: due date, description, merged metadata and the line", async () => {
    const invoiceId = await draft("appt-1@Cal.com", {
      appointment_start: "2026-11-24T14:00:00+01:00",
      service: "Colour",
      hubspot_task_id: "42",
    });
    const { output } = await update({
      invoiceId,
      dueDate: "2026-11-27T09:00:00+01:00",
      description: "Colour on Fri 27 Nov 2026 09:00 (Europe/Paris)",
      metadata: { appointment_start: "2026-11-27T09:00:00+01:00", booking_uid: "uid-2", hubspot_task_id: "" },
      lineDescription: "Colour — Fri 27 Nov 2026 09:00 (Europe/Paris), 90 min",
    });
    expect(output).toMatchObject({ invoiceId, status: "draft", dueDate: "2026-11-27T08:00:00.000Z", total: 8500 });
    const [invoice] = (await sandboxState(sandbox)).invoices as Json[];
    expect(invoice).toMatchObject({
      id: invoiceId,
      description: "Colour on Fri 27 Nov 2026 09:00 (Europe/Paris)",
      metadata: {
        handoff_dedupe_key: "appt-1@Cal.com",
        deposit_amount: "3000",
        service: "Colour",
        appointment_start: "2026-11-27T09:00:00+01:00",
        booking_uid: "uid-2",
        hubspot_task_id: "42", // a blank value is skipped, not sent as Stripe's "delete this key"
      },
    });
    expect(invoice.lines.data.map((line: Json) => [line.description, line.amount])).toEqual([
      ["Colour — Fri 27 Nov 2026 09:00 (Europe/Paris), 90 min", 8500],
    ]);
    expect((await sandboxState(sandbox)).invoices).toHaveLength(1);
  });

  it("passes an Idempotency-Key on every write, so a retried step changes nothing twice", async () => {
    const invoiceId = await draft("appt-1@Cal.com");
    const props = { invoiceId, dueDate: "2026-11-30", lineDescription: "Colour, moved" };
    const updatedEvents = async () =>
      ((await sandboxState(sandbox)).events as Json[]).filter((event) => event.type === "invoice.updated").length;
    const before = (await writes()).length;
    const eventsBefore = await updatedEvents();
    await update(props);
    await update(props);
    // The retry replays Stripe's first answers (same keys): both writes are sent again, nothing changes again.
    const paths = (await writes()).slice(before).map((request) => request.path);
    expect(paths.filter((path) => path === `/v1/invoices/${invoiceId}`)).toHaveLength(2);
    expect(paths.filter((path) => path.startsWith("/v1/invoiceitems/"))).toHaveLength(2);
    expect((await updatedEvents()) - eventsBefore).toBe(2); // the due date, then the line
  });

  it("refuses an invoice already finalized with Stripe's error, naming the invoice and its status", async () => {
    const invoiceId = await draft("appt-1@Cal.com");
    const open = await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/finalize`);
    const error = await failure(update({ invoiceId, dueDate: "2026-11-30", metadata: { booking_uid: "uid-2" } }));
    expect(error).toMatchObject({ code: "validation", kind: "final", status: 400 });
    expect(error.message).toBe(
      `Stripe invoice ${open.number} (${invoiceId}) is open: only a draft invoice can be updated; one already finalized keeps its due date and lines`,
    );
    expect(error.providerMessage).toMatch(/\(invoice_not_editable, param due_date\)$/);
    const [invoice] = (await sandboxState(sandbox)).invoices as Json[];
    expect(invoice).toMatchObject({ status: "open", due_date: open.due_date });
    expect(invoice.metadata).not.toHaveProperty("booking_uid");
  });

  it("refuses a metadata-only change to a finalized invoice too, which Stripe itself would allow", async () => {
    const invoiceId = await draft("appt-1@Cal.com");
    await stripeApi(sandbox, "POST", `/v1/invoices/${invoiceId}/finalize`);
    const before = (await writes()).length;
    const error = await failure(update({ invoiceId, metadata: { booking_uid: "uid-2" }, lineDescription: "x" }));
    expect(error.message).toMatch(/ is open: only a draft invoice can be updated/);
    expect((await writes()).length).toBe(before);
  });

  it("checks its props before calling Stripe", () => {
    const parse = (props: Record<string, unknown>) =>
      updateDraftInvoiceAction.props.safeParse({ invoiceId: "in_1", ...props });
    expect(parse({}).success).toBe(false);
    expect(parse({ metadata: { a: "" }, description: "" }).success).toBe(false);
    expect(parse({ dueDate: "next week" }).success).toBe(false);
    expect(parse({ dueDate: "2026-11-30", daysUntilDue: 3 }).success).toBe(false);
    expect(parse({ invoiceId: "cus_1", description: "x" }).success).toBe(false);
    expect(parse({ daysUntilDue: "7", metadata: { a: "1", b: "" } }).data).toMatchObject({
      daysUntilDue: 7,
      metadata: { a: "1" },
    });
  });
});
