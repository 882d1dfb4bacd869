import { stripeErrors } from "../errors";
import { newId } from "../ids";
import { createDiscounts, readDiscountCoupons, requireDraft, updateInvoice } from "../invoice-lifecycle";
import { LIST_PARAMS, paginate } from "../pagination";
import { renderInvoice } from "../render";
import type { Route } from "../router";
import { getCustomer, getInvoice, nowSeconds, type RouteContext, readTaxRateIds } from "../runtime";
import { type InvoiceRecord, newestFirst } from "../store";

const DAY = 86_400;
const COLLECTION_METHODS = ["charge_automatically", "send_invoice"] as const;
/** What may still change once an invoice is finalized; everything else is a draft-only field. */
const EDITABLE_AFTER_FINALIZE = ["auto_advance", "description", "footer", "metadata"];
const DRAFT_FIELDS = [
  "auto_advance",
  "collection_method",
  "days_until_due",
  "default_tax_rates",
  "description",
  "discounts",
  "due_date",
  "effective_at",
  "footer",
  "metadata",
  "number",
];

function checkCollection(invoice: Pick<InvoiceRecord, "collectionMethod" | "daysUntilDue" | "dueDate">): void {
  if (invoice.daysUntilDue !== null && invoice.daysUntilDue < 0)
    throw stripeErrors.invalid("days_until_due", "days_until_due must be 0 or greater.");
  if (invoice.collectionMethod === "send_invoice") {
    if (invoice.daysUntilDue === null && invoice.dueDate === null)
      throw stripeErrors.invalid(
        "days_until_due",
        "Missing required param: days_until_due. Invoices with `collection_method=send_invoice` need `days_until_due` or `due_date`.",
        "parameter_missing",
      );
    return;
  }
  const param = invoice.daysUntilDue !== null ? "days_until_due" : invoice.dueDate !== null ? "due_date" : undefined;
  if (param)
    throw stripeErrors.invalid(param, `\`${param}\` can only be set when \`collection_method\` is \`send_invoice\`.`);
}

/** Applies the draft fields sent, validating every one before anything changes. */
function applyDraftFields(ctx: RouteContext, invoice: InvoiceRecord): () => void {
  const { rt, form } = ctx;
  const next = { ...invoice };
  next.collectionMethod = form.oneOf("collection_method", COLLECTION_METHODS) ?? invoice.collectionMethod;
  const days = form.int("days_until_due");
  const due = form.int("due_date");
  if (days != null && due != null)
    throw stripeErrors.invalid(
      "days_until_due",
      "You may only specify one of these parameters: days_until_due, due_date.",
    );
  if (days !== undefined) next.daysUntilDue = days;
  if (due !== undefined) next.dueDate = due;
  // A draft shows the due date days_until_due would give; finalization recomputes it.
  if (days != null) next.dueDate = invoice.created + days * DAY;
  if (days === null && due === undefined) next.dueDate = null;
  if (due != null) next.daysUntilDue = null;
  if (next.collectionMethod === "charge_automatically" && days === undefined && due === undefined) {
    next.daysUntilDue = null;
    next.dueDate = null;
  }
  checkCollection(next);
  next.defaultTaxRateIds = readTaxRateIds(rt, form, "default_tax_rates") ?? invoice.defaultTaxRateIds;
  const coupons = readDiscountCoupons(rt, form, "discounts", invoice.currency);
  for (const key of ["description", "footer", "number"] as const) {
    const value = form.string(key);
    if (value !== undefined) next[key] = value;
  }
  next.autoAdvance = form.bool("auto_advance") ?? invoice.autoAdvance;
  const effectiveAt = form.int("effective_at");
  if (effectiveAt !== undefined) next.effectiveAt = effectiveAt;
  next.metadata = form.metadata("metadata", invoice.metadata) ?? invoice.metadata;
  return () => {
    Object.assign(invoice, next);
    if (coupons)
      invoice.discountIds = createDiscounts(rt, coupons, {
        customer: invoice.customer,
        invoice: invoice.id,
        invoiceItem: null,
      });
  };
}

function create(ctx: RouteContext) {
  const { rt, form, request } = ctx;
  form.allowOnly([...DRAFT_FIELDS, "customer", "currency", "pending_invoice_items_behavior"]);
  const customerId = form.string("customer");
  if (!customerId) throw stripeErrors.missingParam("customer");
  const customer = getCustomer(rt, customerId, "customer", 400);
  const now = nowSeconds(rt);
  const invoice: InvoiceRecord = {
    id: newId("in"),
    customer: customer.id,
    created: now,
    currency: form.currency("currency") ?? customer.currency ?? rt.options.defaultCurrency,
    status: "draft",
    collectionMethod: "charge_automatically",
    daysUntilDue: null,
    dueDate: null,
    effectiveAt: null,
    autoAdvance: false,
    description: null,
    footer: customer.invoice_settings.footer,
    metadata: {},
    number: null,
    defaultTaxRateIds: [],
    discountIds: [],
    itemIds: [],
    paymentIds: [],
    amountPaid: 0,
    attemptCount: 0,
    statusTransitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    customerSnapshot: null,
    overdueNotified: false,
  };
  const commit = applyDraftFields(ctx, invoice);
  const behavior = form.oneOf("pending_invoice_items_behavior", ["exclude", "include"] as const) ?? "exclude";
  commit();
  if (behavior === "include") {
    for (const item of rt.store.invoiceItems.values()) {
      if (item.invoice !== null || item.customer !== customer.id || item.currency !== invoice.currency) continue;
      item.invoice = invoice.id;
      invoice.itemIds.push(item.id);
    }
  }
  rt.store.invoices.set(invoice.id, invoice);
  const rendered = renderInvoice(rt, invoice);
  rt.emit("invoice.created", rendered, { request });
  return rendered;
}

function update(ctx: RouteContext) {
  const { rt, form, pathParams, request } = ctx;
  form.allowOnly(DRAFT_FIELDS);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  if (invoice.status !== "draft") {
    const locked = Object.keys(form.form).find((key) => key !== "expand" && !EDITABLE_AFTER_FINALIZE.includes(key));
    if (locked) requireDraft(invoice, locked);
  }
  const commit = applyDraftFields(ctx, invoice);
  updateInvoice(rt, invoice, request, commit);
  return renderInvoice(rt, invoice);
}

function list({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "customer", "status", "collection_method", "created", "due_date", "subscription"]);
  const customer = form.string("customer");
  const status = form.oneOf("status", ["draft", "open", "paid", "uncollectible", "void"] as const);
  const method = form.oneOf("collection_method", COLLECTION_METHODS);
  const created = form.range("created");
  const dueDate = form.range("due_date");
  const subscription = form.string("subscription");
  const invoices = newestFirst(rt.store.invoices).filter(
    (invoice) =>
      !subscription &&
      (!customer || invoice.customer === customer) &&
      (!status || invoice.status === status) &&
      (!method || invoice.collectionMethod === method) &&
      (!created || created(invoice.created)) &&
      (!dueDate || dueDate(invoice.dueDate)),
  );
  return paginate(invoices, form, {
    url: "/v1/invoices",
    kind: "invoice",
    render: (invoice) => renderInvoice(rt, invoice),
  });
}

function remove({ rt, pathParams, request }: RouteContext) {
  const invoice = getInvoice(rt, pathParams.id ?? "");
  if (invoice.status !== "draft")
    throw stripeErrors.invoiceState("You can only delete draft invoices. Instead, you can void the invoice.");
  const rendered = renderInvoice(rt, invoice);
  for (const id of invoice.itemIds) rt.store.invoiceItems.delete(id);
  rt.store.invoices.delete(invoice.id);
  rt.emit("invoice.deleted", rendered, { request });
  return { id: invoice.id, object: "invoice", deleted: true };
}

export const invoiceRoutes: Route[] = [
  { method: "POST", path: "/v1/invoices", handle: create },
  { method: "GET", path: "/v1/invoices", handle: list },
  {
    method: "GET",
    path: "/v1/invoices/:id",
    handle: ({ rt, form, pathParams }) => {
      form.allowOnly([]);
      return renderInvoice(rt, getInvoice(rt, pathParams.id ?? ""));
    },
  },
  { method: "POST", path: "/v1/invoices/:id", handle: update },
  { method: "DELETE", path: "/v1/invoices/:id", handle: remove },
];
