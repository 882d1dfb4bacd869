import { z } from "zod";
import type { SandboxResponse } from "../../types";
import { runDashboardAction } from "./dashboard";
import { newId } from "./ids";
import { applyPayment } from "./invoice-lifecycle";
import { sweepOverdueInvoices } from "./overdue";
import { invoiceAmounts, renderInvoice } from "./render";
import type { RequestInfo, StripeRuntime } from "./runtime";
import type { InvoiceRecord } from "./store";

const ZPay = z.object({ invoiceId: z.string().min(1), amount: z.number().int().positive().optional() });
const ZFailPayment = z.object({ invoiceId: z.string().min(1) });

/** Scripted actions are what the customer does on the hosted page, not API calls. */
const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

function failure(status: number, error: string): SandboxResponse {
  return { status, body: { error } };
}

function payableInvoice(
  rt: StripeRuntime,
  invoiceId: string,
): { invoice: InvoiceRecord } | { refused: SandboxResponse } {
  const invoice = rt.store.invoices.get(invoiceId);
  if (!invoice) return { refused: failure(404, `no invoice ${invoiceId}`) };
  if (invoice.status !== "open" && invoice.status !== "uncollectible")
    return {
      refused: failure(
        400,
        `invoice ${invoiceId} has status ${invoice.status}; only open or uncollectible invoices take payments`,
      ),
    };
  return { invoice };
}

/**
 * `pay` {invoiceId, amount?}: the customer pays by card on the hosted page — the whole remaining
 * amount, or `amount` as a partial payment. `fail-payment` {invoiceId}: a card payment is declined.
 * `tick` {}: time moved, run the overdue sweep. `issue-invoice` and `overdue` are what the business
 * does in its dashboard (see dashboard.ts).
 */
export function runStripeAdminAction(rt: StripeRuntime, action: string, body: unknown): SandboxResponse {
  switch (action) {
    case "tick":
      return { status: 200, body: { overdue: sweepOverdueInvoices(rt) } };
    case "issue-invoice":
    case "overdue":
      return runDashboardAction(rt, action, body);
    case "pay": {
      const parsed = ZPay.safeParse(body);
      if (!parsed.success) return failure(400, "send {invoiceId: string, amount?: positive integer (cents)}");
      const found = payableInvoice(rt, parsed.data.invoiceId);
      if ("refused" in found) return found.refused;
      const { invoice } = found;
      const remaining = invoiceAmounts(rt, invoice).amount_remaining;
      const amount = parsed.data.amount ?? remaining;
      if (amount > remaining)
        return failure(400, `amount ${amount} is more than the ${remaining} remaining on invoice ${invoice.id}`);
      const source = { type: "payment_intent" as const, payment_intent: newId("pi") };
      applyPayment(rt, invoice, { amount, source, card: true }, NO_REQUEST);
      return { status: 200, body: renderInvoice(rt, invoice) };
    }
    case "fail-payment": {
      const parsed = ZFailPayment.safeParse(body);
      if (!parsed.success) return failure(400, "send {invoiceId: string}");
      const found = payableInvoice(rt, parsed.data.invoiceId);
      if ("refused" in found) return found.refused;
      const { invoice } = found;
      invoice.attemptCount += 1;
      const rendered = renderInvoice(rt, invoice);
      rt.emit("invoice.payment_failed", rendered, { request: NO_REQUEST });
      return { status: 200, body: rendered };
    }
    default:
      return failure(404, `no stripe sandbox action "${action}" (try pay, fail-payment, issue-invoice, overdue, tick)`);
  }
}
