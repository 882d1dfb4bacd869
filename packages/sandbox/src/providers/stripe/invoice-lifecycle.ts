import { stripeErrors } from "./errors";
import { newId } from "./ids";
import type { FormReader } from "./params";
import { invoiceAmounts, previousAttributes, renderInvoice } from "./render";
import { getCoupon, nowSeconds, type RequestInfo, type StripeRuntime } from "./runtime";
import type { InvoicePayment, InvoiceRecord, InvoiceStatus } from "./store";

const DAY = 86_400;

/** Illegal transitions (finalize a paid invoice, void a draft…) answer 400 invoice_unexpected_state. */
export function requireStatus(invoice: InvoiceRecord, allowed: InvoiceStatus[], verb: string): void {
  if (!allowed.includes(invoice.status))
    throw stripeErrors.invoiceState(`You cannot ${verb} this invoice because it has a status of ${invoice.status}.`);
}

/** Money fields freeze at finalization; changing them afterwards answers 400 invoice_not_editable. */
export function requireDraft(invoice: InvoiceRecord, param?: string): void {
  if (invoice.status !== "draft")
    throw stripeErrors.invoiceNotEditable(
      `Invoice ${invoice.id} is no longer editable: ${param ? `\`${param}\`` : "its lines"} can only change while the invoice is a draft, and it has a status of ${invoice.status}.`,
      param,
    );
}

/** Coupons named by `discounts[i][coupon]`, checked before anything is created. */
export function readDiscountCoupons(
  rt: StripeRuntime,
  form: FormReader,
  key: string,
  currency: string,
): string[] | undefined {
  return form.objects(key)?.map((entry) => {
    entry.allowOnly(["coupon", "discount", "promotion_code"]);
    if (entry.has("discount") || entry.has("promotion_code"))
      throw stripeErrors.invalid(entry.param("coupon"), "The sandbox supports discounts by `coupon` only.");
    const coupon = getCoupon(rt, entry.requiredString("coupon"), entry.param("coupon"), 400);
    if (!coupon.valid) throw stripeErrors.invalid(entry.param("coupon"), `Coupon ${coupon.id} is no longer valid.`);
    if (coupon.amount_off !== null && coupon.currency !== currency)
      throw stripeErrors.invalid(
        entry.param("coupon"),
        `The coupon's currency (${coupon.currency}) must match the invoice's currency (${currency}).`,
      );
    return coupon.id;
  });
}

/** Redeems coupons as Discount objects (`di_…`) attached to an invoice or an invoice item. */
export function createDiscounts(
  rt: StripeRuntime,
  couponIds: string[],
  owner: { customer: string; invoice: string | null; invoiceItem: string | null },
): string[] {
  return couponIds.map((coupon) => {
    const id = newId("di");
    rt.store.discounts.set(id, {
      id,
      object: "discount",
      checkout_session: null,
      customer: owner.customer,
      end: null,
      invoice: owner.invoice,
      invoice_item: owner.invoiceItem,
      promotion_code: null,
      source: { coupon, type: "coupon" },
      start: nowSeconds(rt),
      subscription: null,
      subscription_item: null,
    });
    const redeemed = rt.store.coupons.get(coupon);
    if (redeemed) redeemed.times_redeemed += 1;
    return id;
  });
}

/** Runs a change and emits `invoice.updated` with what changed, when anything did. */
export function updateInvoice(rt: StripeRuntime, invoice: InvoiceRecord, request: RequestInfo, change: () => void) {
  const before = renderInvoice(rt, invoice);
  change();
  const after = renderInvoice(rt, invoice);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) rt.emit("invoice.updated", after, { previous, request });
}

/** draft → open: number, due date and hosted links appear; a zero invoice is paid at once. */
export function finalizeInvoice(rt: StripeRuntime, invoice: InvoiceRecord, request: RequestInfo): void {
  requireStatus(invoice, ["draft"], "finalize");
  const now = nowSeconds(rt);
  const customer = rt.store.customers.get(invoice.customer);
  if (customer) {
    if (!invoice.number) {
      invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, "0")}`;
      customer.next_invoice_sequence += 1;
    }
    customer.currency ??= invoice.currency;
    const { email, name, phone, address, tax_exempt } = customer;
    invoice.customerSnapshot = structuredClone({ email, name, phone, address, tax_exempt });
  }
  invoice.status = "open";
  invoice.statusTransitions.finalized_at = now;
  invoice.effectiveAt ??= now;
  if (invoice.daysUntilDue !== null) invoice.dueDate = now + invoice.daysUntilDue * DAY;
  rt.emit("invoice.finalized", renderInvoice(rt, invoice), { request });
  if (invoiceAmounts(rt, invoice).amount_due === 0) markPaid(rt, invoice, request);
}

/** Settles the invoice without a payment object (nothing due, or paid out of band). */
export function markPaid(rt: StripeRuntime, invoice: InvoiceRecord, request: RequestInfo): void {
  invoice.status = "paid";
  invoice.statusTransitions.paid_at = nowSeconds(rt);
  rt.emit("invoice.paid", renderInvoice(rt, invoice), { request });
}

/**
 * One succeeded payment toward an open invoice: `invoice_payment.paid`, then either the invoice
 * is settled (`invoice.paid`) or it stays open with less remaining (`invoice.updated`).
 */
export function applyPayment(
  rt: StripeRuntime,
  invoice: InvoiceRecord,
  payment: { amount: number; source: InvoicePayment["payment"]; card: boolean },
  request: RequestInfo,
): InvoicePayment {
  const now = nowSeconds(rt);
  const before = renderInvoice(rt, invoice);
  const invoicePayment: InvoicePayment = {
    id: newId("inpay"),
    object: "invoice_payment",
    amount_paid: payment.amount,
    amount_requested: payment.amount,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: invoice.paymentIds.length === 0,
    livemode: false,
    payment: payment.source,
    status: "paid",
    status_transitions: { canceled_at: null, paid_at: now },
  };
  rt.store.invoicePayments.set(invoicePayment.id, invoicePayment);
  invoice.paymentIds.push(invoicePayment.id);
  invoice.amountPaid += payment.amount;
  rt.emit("invoice_payment.paid", invoicePayment, { request });
  const amounts = invoiceAmounts(rt, invoice);
  if (amounts.amount_remaining > 0) {
    const after = renderInvoice(rt, invoice);
    rt.emit("invoice.updated", after, { previous: previousAttributes(before, after), request });
    return invoicePayment;
  }
  invoice.status = "paid";
  invoice.statusTransitions.paid_at = now;
  const paid = renderInvoice(rt, invoice);
  if (payment.card) rt.emit("invoice.payment_succeeded", paid, { request });
  rt.emit("invoice.paid", paid, { request });
  if (amounts.amount_overpaid > 0) rt.emit("invoice.overpaid", renderInvoice(rt, invoice), { request });
  return invoicePayment;
}
