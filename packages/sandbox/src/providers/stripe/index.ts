import type { SandboxProviderFactory } from "../../types";
import { runStripeAdminAction } from "./admin";
import { handleApiRequest } from "./api";
import { createEmitter } from "./events";
import { STRIPE_SANDBOX_SECRET_KEY } from "./fixtures";
import { hostedInvoiceResponse } from "./hosted";
import { IdempotencyStore } from "./idempotency";
import { sweepOverdueInvoices } from "./overdue";
import { RateLimiter } from "./rate-limit";
import { renderInvoice, renderInvoiceItem, renderWebhookEndpoint } from "./render";
import type { ResolvedStripeOptions, StripeRuntime, StripeSandboxOptions } from "./runtime";
import { SearchIndex } from "./search-index";
import { createStripeStore } from "./store";

export * from "./fixtures";
export type { StripeSandboxOptions } from "./runtime";

/**
 * A stateful Stripe (customers, tax rates, coupons, invoices with their state machine and
 * partial payments, webhook endpoints and signed events), mounted at `/stripe/v1/…`.
 */
export function createStripeSandbox(options: StripeSandboxOptions = {}): SandboxProviderFactory {
  const resolved: ResolvedStripeOptions = {
    secretKeys: options.secretKeys ?? [STRIPE_SANDBOX_SECRET_KEY],
    rateLimitPerSecond: options.rateLimitPerSecond ?? 25,
    searchLagMs: options.searchLagMs ?? 0,
    overdueSweepIntervalMs: options.overdueSweepIntervalMs ?? 60_000,
    defaultCurrency: options.defaultCurrency ?? "usd",
  };
  return (context) => {
    const rt: StripeRuntime = {
      store: createStripeStore(),
      clock: context.clock,
      baseUrl: context.baseUrl,
      options: resolved,
      searchIndex: new SearchIndex(resolved.searchLagMs),
      emit: createEmitter({ store: () => rt.store, clock: context.clock, outbox: context.outbox }),
    };
    const limiter = new RateLimiter(resolved.rateLimitPerSecond);
    const idempotency = new IdempotencyStore();
    let sweeper: NodeJS.Timeout | undefined;
    return {
      key: "stripe",
      handle: (request) =>
        hostedInvoiceResponse(rt, request.method, request.path) ??
        handleApiRequest({ rt, limiter, idempotency }, request),
      reset() {
        rt.store = createStripeStore();
        rt.searchIndex.reset();
        limiter.reset();
        idempotency.reset();
      },
      state: () => ({
        customers: [...rt.store.customers.values()].filter((customer) => !rt.store.deletedCustomers.has(customer.id)),
        invoices: [...rt.store.invoices.values()].map((invoice) => ({
          ...renderInvoice(rt, invoice, { allLines: true }),
          payments: invoice.paymentIds.flatMap((id) => rt.store.invoicePayments.get(id) ?? []),
        })),
        invoiceItems: [...rt.store.invoiceItems.values()].map((item) => renderInvoiceItem(rt, item)),
        taxRates: [...rt.store.taxRates.values()],
        coupons: [...rt.store.coupons.values()],
        paymentRecords: [...rt.store.paymentRecords.values()],
        webhookEndpoints: [...rt.store.webhookEndpoints.values()].map((endpoint) => renderWebhookEndpoint(endpoint)),
        events: [...rt.store.events.values()],
      }),
      admin: (action, body) => runStripeAdminAction(rt, action, body),
      async listen() {
        if (resolved.overdueSweepIntervalMs <= 0) return;
        sweeper = setInterval(() => sweepOverdueInvoices(rt), resolved.overdueSweepIntervalMs);
        sweeper.unref();
      },
      async close() {
        clearInterval(sweeper);
      },
    };
  };
}
