import { stripeErrors } from "../errors";
import { requireDraft, updateInvoice } from "../invoice-lifecycle";
import { buildLine, commitLine, LINE_FIELDS } from "../line-items";
import { LIST_PARAMS, paginate } from "../pagination";
import { invoiceItemsOf, invoiceTotals, renderInvoice, renderInvoiceItem, renderLine } from "../render";
import type { Route } from "../router";
import { getCustomer, getInvoice, type RouteContext, readTaxRateIds, type StripeRuntime } from "../runtime";
import { type InvoiceItem, newestFirst } from "../store";

function getInvoiceItem(rt: StripeRuntime, id: string): InvoiceItem {
  const item = rt.store.invoiceItems.get(id);
  if (!item) throw stripeErrors.noSuch("invoiceitem", id);
  return item;
}

/** An item on a finalized invoice is frozen with it; pending items (no invoice yet) are free. */
function requireEditableItem(rt: StripeRuntime, item: InvoiceItem): void {
  const invoice = item.invoice ? rt.store.invoices.get(item.invoice) : undefined;
  if (invoice) requireDraft(invoice, "invoice");
}

function createItem({ rt, form, request }: RouteContext) {
  form.allowOnly([...LINE_FIELDS, "currency", "customer", "invoice", "tax_behavior", "tax_code"]);
  const invoiceId = form.string("invoice");
  const invoice = invoiceId ? getInvoice(rt, invoiceId, "invoice", 400) : undefined;
  const customerId = form.string("customer") ?? invoice?.customer;
  if (!customerId) throw stripeErrors.missingParam("customer");
  const customer = getCustomer(rt, customerId, "customer", 400);
  if (invoice && invoice.customer !== customer.id)
    throw stripeErrors.invalid(
      "invoice",
      `The invoice item's customer (${customer.id}) must match the invoice's customer (${invoice.customer}).`,
    );
  if (invoice) requireDraft(invoice, "invoice");
  const priceCurrency = form.object("price_data")?.currency("currency");
  const currency =
    invoice?.currency ?? form.currency("currency") ?? priceCurrency ?? customer.currency ?? rt.options.defaultCurrency;
  const pending = buildLine(rt, form, { customer: customer.id, invoice: invoice?.id ?? null, currency });
  const save = () => commitLine(rt, pending);
  if (invoice) updateInvoice(rt, invoice, request, save);
  else save();
  const rendered = renderInvoiceItem(rt, pending.item);
  rt.emit("invoiceitem.created", rendered, { request });
  return rendered;
}

function updateItem({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly(["amount", "description", "discountable", "metadata", "period", "quantity", "tax_rates"]);
  const item = getInvoiceItem(rt, pathParams.id ?? "");
  requireEditableItem(rt, item);
  const amount = form.int("amount");
  const quantity = form.int("quantity");
  if (quantity != null && quantity < 0) throw stripeErrors.invalid("quantity", "quantity must be 0 or greater.");
  const unit = Number(item.unitAmountDecimal);
  if (quantity != null && !Number.isInteger(unit))
    throw stripeErrors.invalid("quantity", "This item has a decimal unit amount; recreate it to change the quantity.");
  const taxRateIds = readTaxRateIds(rt, form, "tax_rates");
  const period = form.object("period")?.allowOnly(["start", "end"]);
  const description = form.string("description");
  const discountable = form.bool("discountable");
  const metadata = form.metadata("metadata", item.metadata);
  const change = () => {
    if (amount != null) Object.assign(item, { amount, quantity: 1, unitAmountDecimal: String(amount) });
    if (quantity != null && amount == null) Object.assign(item, { quantity, amount: unit * quantity });
    if (taxRateIds) item.taxRateIds = taxRateIds;
    if (period)
      item.period = { start: period.int("start") ?? item.period.start, end: period.int("end") ?? item.period.end };
    if (description !== undefined) item.description = description;
    if (discountable !== undefined) item.discountable = discountable;
    if (metadata) item.metadata = metadata;
  };
  const invoice = item.invoice ? rt.store.invoices.get(item.invoice) : undefined;
  if (invoice) updateInvoice(rt, invoice, request, change);
  else change();
  return renderInvoiceItem(rt, item);
}

function deleteItem({ rt, pathParams, request }: RouteContext) {
  const item = getInvoiceItem(rt, pathParams.id ?? "");
  requireEditableItem(rt, item);
  const rendered = renderInvoiceItem(rt, item);
  const invoice = item.invoice ? rt.store.invoices.get(item.invoice) : undefined;
  const remove = () => {
    rt.store.invoiceItems.delete(item.id);
    if (invoice) invoice.itemIds = invoice.itemIds.filter((id) => id !== item.id);
  };
  if (invoice) updateInvoice(rt, invoice, request, remove);
  else remove();
  rt.emit("invoiceitem.deleted", rendered, { request });
  return { id: item.id, object: "invoiceitem", deleted: true };
}

function listItems({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "customer", "invoice", "pending", "created"]);
  const customer = form.string("customer");
  const invoice = form.string("invoice");
  const pending = form.bool("pending");
  const created = form.range("created");
  const items = newestFirst(rt.store.invoiceItems).filter(
    (item) =>
      (!customer || item.customer === customer) &&
      (!invoice || item.invoice === invoice) &&
      (pending === undefined || (item.invoice === null) === pending) &&
      (!created || created(item.date)),
  );
  return paginate(items, form, {
    url: "/v1/invoiceitems",
    kind: "invoiceitem",
    render: (item) => renderInvoiceItem(rt, item),
  });
}

/** `lines[i][…]`: every line is validated first, so a bad line adds none. */
function addLines({ rt, form, pathParams, request }: RouteContext) {
  form.allowOnly(["lines", "invoice_metadata"]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  requireDraft(invoice, "lines");
  const lines = form.objects("lines");
  if (!lines || lines.length === 0) throw stripeErrors.missingParam("lines");
  const owner = { customer: invoice.customer, invoice: invoice.id, currency: invoice.currency };
  const planned = lines.map((line) => {
    line.allowOnly([...LINE_FIELDS, "invoice_item"]);
    const existingId = line.string("invoice_item");
    if (!existingId) return buildLine(rt, line, owner);
    const existing = rt.store.invoiceItems.get(existingId);
    if (!existing || existing.invoice !== null || existing.customer !== invoice.customer)
      throw stripeErrors.noSuch("invoiceitem", existingId, line.param("invoice_item"), 400);
    return existing;
  });
  const metadata = form.metadata("invoice_metadata", invoice.metadata);
  updateInvoice(rt, invoice, request, () => {
    for (const entry of planned) {
      if ("item" in entry) commitLine(rt, entry);
      else {
        entry.invoice = invoice.id;
        invoice.itemIds.push(entry.id);
      }
    }
    if (metadata) invoice.metadata = metadata;
  });
  return renderInvoice(rt, invoice);
}

function listLines({ rt, form, pathParams }: RouteContext) {
  form.allowOnly([...LIST_PARAMS]);
  const invoice = getInvoice(rt, pathParams.id ?? "");
  const totals = invoiceTotals(rt, invoice);
  // Lines page in the order they were added, by line id (`il_…`).
  const lines = invoiceItemsOf(rt, invoice).map((item) => ({ id: item.lineId, item }));
  return paginate(lines, form, {
    url: `/v1/invoices/${invoice.id}/lines`,
    kind: "line_item",
    render: ({ item }) => renderLine(item, invoice, totals),
  });
}

export const invoiceLineRoutes: Route[] = [
  { method: "POST", path: "/v1/invoiceitems", handle: createItem },
  { method: "GET", path: "/v1/invoiceitems", handle: listItems },
  {
    method: "GET",
    path: "/v1/invoiceitems/:id",
    handle: ({ rt, pathParams }) => renderInvoiceItem(rt, getInvoiceItem(rt, pathParams.id ?? "")),
  },
  { method: "POST", path: "/v1/invoiceitems/:id", handle: updateItem },
  { method: "DELETE", path: "/v1/invoiceitems/:id", handle: deleteItem },
  { method: "POST", path: "/v1/invoices/:id/add_lines", handle: addLines },
  { method: "GET", path: "/v1/invoices/:id/lines", handle: listLines },
];
