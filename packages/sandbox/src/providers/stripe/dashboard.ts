import qs from "qs";
import { z } from "zod";
import type { SandboxResponse } from "../../types";
import { StripeApiError } from "./errors";
import { sweepOverdueInvoices } from "./overdue";
import { FormReader, parseForm } from "./params";
import { renderInvoice } from "./render";
import { matchRoute, type Route } from "./router";
import { customerRoutes } from "./routes/customers";
import { invoiceActionRoutes } from "./routes/invoice-actions";
import { invoiceLineRoutes } from "./routes/invoice-lines";
import { invoiceRoutes } from "./routes/invoices";
import { nowSeconds, type RequestInfo, type StripeRuntime } from "./runtime";

/**
 * What the business itself does in the Stripe dashboard, for demos and tests: issue an invoice
 * to a customer; and time running out on one invoice (overdue). The dashboard uses the same operations as the
 * API, so these go through the API's own route handlers (same validation, same events).
 */

const DASHBOARD_ROUTES: readonly Route[] = [
  ...customerRoutes,
  ...invoiceRoutes,
  ...invoiceLineRoutes,
  ...invoiceActionRoutes,
];

/** Events caused in the dashboard carry no API request. */
const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field
type Json = any;

function dashboardCall(rt: StripeRuntime, method: "GET" | "POST", path: string, params: object = {}): Json {
  const match = matchRoute(DASHBOARD_ROUTES, method, path);
  if (!match) throw new Error(`no Stripe route ${method} ${path}`);
  // Through the form encoding, so numbers and nested objects reach the handlers as the API sends them.
  const form = new FormReader(parseForm(qs.stringify(params)));
  return match.route.handle({ rt, form, pathParams: match.pathParams, request: NO_REQUEST });
}

export const ZIssueInvoice = z.object({
  email: z.email(),
  name: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/)
    .default("eur"),
  description: z.string().min(1),
  /** The price before tax and discount, in cents. */
  amount: z.number().int().positive(),
  taxRate: z.string().min(1).optional(),
  coupon: z.string().min(1).optional(),
  daysUntilDue: z.number().int().min(0).max(365).default(14),
  metadata: z.record(z.string(), z.string()).optional(),
});

/**
 * `issue-invoice`: the customer (found by exact email, else created), a send_invoice invoice with
 * one line, the tax rate and coupon when given, finalized and e-mailed — an open invoice.
 */
function issueInvoice(rt: StripeRuntime, input: z.output<typeof ZIssueInvoice>): SandboxResponse {
  const email = input.email.toLowerCase();
  const existing = [...rt.store.customers.values()].find(
    (customer) => customer.email === email && !rt.store.deletedCustomers.has(customer.id),
  );
  const customer =
    existing ??
    dashboardCall(rt, "POST", "/v1/customers", {
      email,
      ...(input.name ? { name: input.name } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
    });
  const draft = dashboardCall(rt, "POST", "/v1/invoices", {
    customer: customer.id,
    currency: input.currency.toLowerCase(),
    collection_method: "send_invoice",
    days_until_due: input.daysUntilDue,
    ...(input.taxRate ? { default_tax_rates: [input.taxRate] } : {}),
    ...(input.coupon ? { discounts: [{ coupon: input.coupon }] } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
  });
  dashboardCall(rt, "POST", "/v1/invoiceitems", {
    invoice: draft.id,
    amount: input.amount,
    description: input.description,
  });
  dashboardCall(rt, "POST", `/v1/invoices/${draft.id}/finalize`);
  return { status: 201, body: dashboardCall(rt, "POST", `/v1/invoices/${draft.id}/send`) };
}

export const ZOverdue = z.object({
  invoiceId: z.string().min(1),
  daysLate: z.number().int().min(1).max(365).default(1),
});

const DAY = 86_400;

/**
 * `overdue`: the invoice's days to pay run out — its due date moves to `daysLate` days ago — and
 * the sweep sends `invoice.overdue` as Stripe's automation would. Only this invoice ages: moving
 * the shared clock instead would sign every later webhook in the future, and Handoff (like any
 * receiver checking Stripe's 5-minute tolerance against its own clock) would refuse them.
 */
function letGoOverdue(rt: StripeRuntime, input: z.output<typeof ZOverdue>): SandboxResponse {
  const invoice = rt.store.invoices.get(input.invoiceId);
  if (!invoice) return { status: 404, body: { error: `no invoice ${input.invoiceId}` } };
  if (invoice.status !== "open" || invoice.dueDate === null)
    return {
      status: 400,
      body: {
        error: `invoice ${input.invoiceId} has status ${invoice.status}${invoice.dueDate === null ? " and no due date" : ""}; only an open invoice with a due date can go overdue`,
      },
    };
  const now = nowSeconds(rt);
  if (invoice.dueDate >= now) invoice.dueDate = now - input.daysLate * DAY;
  sweepOverdueInvoices(rt);
  return { status: 200, body: renderInvoice(rt, invoice) };
}

/** Runs a dashboard action; an API refusal (unknown tax rate…) answers 400 with Stripe's message. */
export function runDashboardAction(rt: StripeRuntime, action: "issue-invoice" | "overdue", body: unknown) {
  try {
    if (action === "overdue") {
      const parsed = ZOverdue.safeParse(body);
      return parsed.success
        ? letGoOverdue(rt, parsed.data)
        : refusal("send {invoiceId: string, daysLate?: whole number of days (1 by default)}");
    }
    const parsed = ZIssueInvoice.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refusal(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    return issueInvoice(rt, parsed.data);
  } catch (error) {
    if (error instanceof StripeApiError) return refusal(error.message);
    throw error;
  }
}

function refusal(error: string): SandboxResponse {
  return { status: 400, body: { error } };
}
