import { stripeErrors } from "../errors";
import { newId } from "../ids";
import { LIST_PARAMS, paginate } from "../pagination";
import type { Route } from "../router";
import { nowSeconds, type RouteContext } from "../runtime";
import { newestFirst, type PaymentRecord } from "../store";

/**
 * Off-Stripe money (bank transfer, cash…) reported as a Payment Record, which
 * `POST /v1/invoices/{id}/attach_payment` then credits to an invoice. Only the fields a
 * "custom" payment method needs are kept.
 */
function reportPayment({ rt, form }: RouteContext) {
  form.allowOnly([
    "amount_requested",
    "customer_details",
    "customer_presence",
    "description",
    "failed",
    "guaranteed",
    "initiated_at",
    "metadata",
    "outcome",
    "payment_method_details",
    "payment_reference",
    "processor_details",
    "shipping_details",
  ]);
  const amount = form.object("amount_requested")?.allowOnly(["currency", "value"]);
  if (!amount) throw stripeErrors.missingParam("amount_requested");
  const currency = amount.currency("currency");
  if (!currency) throw stripeErrors.missingParam("amount_requested[currency]");
  const value = amount.requiredInt("value");
  if (value <= 0) throw stripeErrors.invalid("amount_requested[value]", "amount_requested[value] must be positive.");
  form.requiredInt("initiated_at");
  const method = form.object("payment_method_details");
  if (!method) throw stripeErrors.missingParam("payment_method_details");
  method.allowOnly(["billing_details", "custom", "payment_method", "type"]);
  const type = method.oneOf("type", ["custom"] as const);
  if (!type) throw stripeErrors.missingParam("payment_method_details[type]");
  const custom = method.object("custom")?.allowOnly(["display_name", "type"]);
  const outcome = form.oneOf("outcome", ["guaranteed", "failed"] as const);
  const customer = form.object("customer_details")?.allowOnly(["customer", "email", "name", "phone"]);
  const processor = form.object("processor_details")?.allowOnly(["custom", "type"]);
  const reference = processor?.object("custom")?.allowOnly(["payment_reference"]).string("payment_reference") ?? null;
  const money = (amountValue: number) => ({ currency, value: amountValue });
  const record: PaymentRecord = {
    id: newId("pr"),
    object: "payment_record",
    amount_canceled: money(0),
    amount_failed: money(outcome === "failed" ? value : 0),
    amount_guaranteed: money(outcome === "guaranteed" ? value : 0),
    amount_refunded: money(0),
    amount_requested: money(value),
    created: nowSeconds(rt),
    customer_details: customer
      ? {
          customer: customer.string("customer") ?? null,
          email: customer.string("email") ?? null,
          name: customer.string("name") ?? null,
          phone: customer.string("phone") ?? null,
        }
      : null,
    customer_presence: form.oneOf("customer_presence", ["off_session", "on_session"] as const) ?? null,
    description: form.string("description") ?? null,
    latest_payment_attempt_record: newId("par"),
    livemode: false,
    metadata: form.metadata("metadata") ?? {},
    payment_method_details: {
      billing_details: null,
      custom: custom
        ? { display_name: custom.string("display_name") ?? null, type: custom.string("type") ?? null }
        : null,
      payment_method: null,
      type,
    },
    payment_reference: form.string("payment_reference") ?? reference,
    processor_details: processor ? { custom: { payment_reference: reference }, type: "custom" } : null,
    shipping_details: null,
  };
  rt.store.paymentRecords.set(record.id, record);
  return record;
}

function retrievePaymentRecord({ rt, pathParams }: RouteContext) {
  const id = pathParams.id ?? "";
  const record = rt.store.paymentRecords.get(id);
  if (!record) throw stripeErrors.noSuch("payment_record", id);
  return record;
}

function listInvoicePayments({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "invoice", "status", "payment"]);
  const invoice = form.string("invoice");
  const status = form.oneOf("status", ["canceled", "open", "paid"] as const);
  const payments = newestFirst(rt.store.invoicePayments).filter(
    (payment) => (!invoice || payment.invoice === invoice) && (!status || payment.status === status),
  );
  return paginate(payments, form, {
    url: "/v1/invoice_payments",
    kind: "invoice_payment",
    render: (payment) => payment,
  });
}

function retrieveInvoicePayment({ rt, pathParams }: RouteContext) {
  const id = pathParams.id ?? "";
  const payment = rt.store.invoicePayments.get(id);
  if (!payment) throw stripeErrors.noSuch("invoice_payment", id);
  return payment;
}

export const paymentRoutes: Route[] = [
  { method: "POST", path: "/v1/payment_records/report_payment", handle: reportPayment },
  { method: "GET", path: "/v1/payment_records/:id", handle: retrievePaymentRecord },
  { method: "GET", path: "/v1/invoice_payments", handle: listInvoicePayments },
  { method: "GET", path: "/v1/invoice_payments/:id", handle: retrieveInvoicePayment },
];
