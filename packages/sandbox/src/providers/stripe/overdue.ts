import { renderInvoice } from "./render";
import { nowSeconds, type StripeRuntime } from "./runtime";

/**
 * `invoice.overdue`, once per invoice, for every open invoice whose due date has passed. Runs
 * on every clock tick and on a timer; in real Stripe a Billing automation decides the delay,
 * here it fires as soon as the due date is behind the clock.
 */
export function sweepOverdueInvoices(rt: StripeRuntime): number {
  const now = nowSeconds(rt);
  let fired = 0;
  for (const invoice of rt.store.invoices.values()) {
    if (invoice.status !== "open" || invoice.overdueNotified || invoice.dueDate === null || invoice.dueDate >= now)
      continue;
    invoice.overdueNotified = true;
    rt.emit("invoice.overdue", renderInvoice(rt, invoice));
    fired += 1;
  }
  return fired;
}
