import { stripeErrors } from "../errors";
import { newId } from "../ids";
import { applyPayment, finalizeInvoice, markPaid, requireStatus } from "../invoice-lifecycle";
import { invoiceAmounts, renderInvoice } from "../render";
import type { Route } from "../router";
import { getInvoice, nowSeconds, type RouteContext } from "../runtime";

function finalize({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly(["auto_advance"]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  requireStatus(invoice, ["draft"], "finalize");
  const autoAdvance = form.bool("auto_advance");
  if (autoAdvance !== undefined) invoice.autoAdvance = autoAdvance;
  finalizeInvoice(rt, invoice, request);
  return renderInvoice(rt, invoice);
}

/** Sends the invoice e-mail (none leaves the sandbox); a draft is finalized first, as Stripe does. */
function send({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly([]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  if (invoice.collectionMethod !== "send_invoice")
    throw stripeErrors.invoiceState(
      "You can only manually send an invoice if its collection method is 'send_invoice'.",
    );
  requireStatus(invoice, ["draft", "open", "paid"], "send");
  if (invoice.status === "draft") finalizeInvoice(rt, invoice, request);
  const rendered = renderInvoice(rt, invoice);
  rt.emit("invoice.sent", rendered, { request });
  return rendered;
}

function pay({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly(["forgive", "mandate", "off_session", "paid_out_of_band", "payment_method", "source"]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  requireStatus(invoice, ["open", "uncollectible"], "pay");
  if (form.bool("paid_out_of_band") === true) {
    invoice.amountPaid = Math.max(invoice.amountPaid, invoiceAmounts(rt, invoice).amount_due);
    markPaid(rt, invoice, request);
    return renderInvoice(rt, invoice);
  }
  // The emulator holds no cards; a card payment is scripted with the sandbox `pay` action.
  throw stripeErrors.invalid(
    form.has("payment_method") ? "payment_method" : "source",
    "This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.",
  );
}

function voidInvoice({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly([]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  requireStatus(invoice, ["open", "uncollectible"], "void");
  invoice.status = "void";
  invoice.statusTransitions.voided_at = nowSeconds(rt);
  const rendered = renderInvoice(rt, invoice);
  rt.emit("invoice.voided", rendered, { request });
  return rendered;
}

function markUncollectible({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly([]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  requireStatus(invoice, ["open"], "mark uncollectible");
  invoice.status = "uncollectible";
  invoice.statusTransitions.marked_uncollectible_at = nowSeconds(rt);
  const rendered = renderInvoice(rt, invoice);
  rt.emit("invoice.marked_uncollectible", rendered, { request });
  return rendered;
}

/**
 * Partial payments: a guaranteed payment record raises amount_paid (the invoice stays open
 * until nothing remains); one still pending is listed on the invoice but credits nothing yet.
 */
function attachPayment({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly(["payment_intent", "payment_record"]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  const intent = form.string("payment_intent");
  const recordId = form.string("payment_record");
  if (intent && recordId)
    throw stripeErrors.invalid(
      "payment_intent",
      "You may only specify one of these parameters: payment_intent, payment_record.",
    );
  if (intent) throw stripeErrors.noSuch("payment_intent", intent, "payment_intent", 400);
  if (!recordId) throw stripeErrors.missingParam("payment_record");
  const record = rt.store.paymentRecords.get(recordId);
  if (!record) throw stripeErrors.noSuch("payment_record", recordId, "payment_record", 400);
  requireStatus(invoice, ["open", "uncollectible"], "attach a payment to");
  const attached = [...rt.store.invoicePayments.values()].some(
    (payment) => payment.payment.type === "payment_record" && payment.payment.payment_record === recordId,
  );
  if (attached)
    throw stripeErrors.invalid("payment_record", `Payment record ${recordId} is already attached to an invoice.`);
  if (record.amount_requested.currency !== invoice.currency)
    throw stripeErrors.invalid(
      "payment_record",
      `The payment record's currency (${record.amount_requested.currency}) must match the invoice's currency (${invoice.currency}).`,
    );
  const source = { type: "payment_record" as const, payment_record: recordId };
  if (record.amount_guaranteed.value > 0) {
    applyPayment(rt, invoice, { amount: record.amount_guaranteed.value, source, card: false }, request);
  } else {
    const id = newId("inpay");
    rt.store.invoicePayments.set(id, {
      id,
      object: "invoice_payment",
      amount_paid: null,
      amount_requested: record.amount_requested.value,
      created: nowSeconds(rt),
      currency: invoice.currency,
      invoice: invoice.id,
      is_default: invoice.paymentIds.length === 0,
      livemode: false,
      payment: source,
      status: record.amount_failed.value > 0 ? "canceled" : "open",
      status_transitions: { canceled_at: record.amount_failed.value > 0 ? nowSeconds(rt) : null, paid_at: null },
    });
    invoice.paymentIds.push(id);
  }
  return renderInvoice(rt, invoice);
}

export const invoiceActionRoutes: Route[] = [
  { method: "POST", path: "/v1/invoices/:id/finalize", handle: finalize },
  { method: "POST", path: "/v1/invoices/:id/send", handle: send },
  { method: "POST", path: "/v1/invoices/:id/pay", handle: pay },
  { method: "POST", path: "/v1/invoices/:id/void", handle: voidInvoice },
  { method: "POST", path: "/v1/invoices/:id/mark_uncollectible", handle: markUncollectible },
  { method: "POST", path: "/v1/invoices/:id/attach_payment", handle: attachPayment },
];
